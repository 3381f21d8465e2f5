import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../config/app-config.js';
import { PRODUCTION_NODE_OPTIONS } from './api-process.js';

describe('the benchmark runs the API as the Docker image does', () => {
  it('with the image’s NODE_OPTIONS (its heap limit)', () => {
    const dockerfile = readFileSync(join(PROJECT_ROOT, 'Dockerfile'), 'utf8');
    const env = dockerfile.match(/^ENV NODE_OPTIONS=(.+)$/m);
    expect(env?.[1]).toBe(PRODUCTION_NODE_OPTIONS);
  });
});
