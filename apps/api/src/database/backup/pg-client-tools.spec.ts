import { describe, expect, it } from '@jest/globals';
import { parseClientVersion } from './pg-client-tools.js';

describe(parseClientVersion.name, () => {
  it('reads the version pg_dump reports, from a plain build or a distribution', () => {
    expect(parseClientVersion('pg_dump (PostgreSQL) 18.0\n')).toEqual({ version: '18.0', major: 18 });
    expect(parseClientVersion('pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)\n')).toEqual({ version: '15.18', major: 15 });
    expect(parseClientVersion('pg_restore (PostgreSQL) 17beta2\n')).toEqual({ version: '17', major: 17 });
  });

  it('refuses output that is not a PostgreSQL tool version', () => {
    expect(parseClientVersion('')).toBeUndefined();
    expect(parseClientVersion('pg_dump: command not found')).toBeUndefined();
  });
});
