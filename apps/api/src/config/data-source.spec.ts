import { describe, expect, it } from '@jest/globals';
import { dataSourceOptions } from './data-source.js';

describe(dataSourceOptions.name, () => {
  it('connects to the one URL without replicas', () => {
    const options = dataSourceOptions('postgres://app@db/civicdesk');
    expect(options).toMatchObject({ url: 'postgres://app@db/civicdesk', applicationName: 'civicdesk' });
    expect(options).not.toHaveProperty('replication');
  });

  it('turns on replication with the primary as the default for reads, each pool named', () => {
    const options = dataSourceOptions('postgres://app@db/civicdesk', {
      replicaUrls: ['postgres://app@replica-1/civicdesk', 'postgres://app@replica-2/civicdesk'],
    });
    expect(options).toMatchObject({
      replication: {
        master: { url: 'postgres://app@db/civicdesk', applicationName: 'civicdesk' },
        slaves: [
          { url: 'postgres://app@replica-1/civicdesk', applicationName: 'civicdesk-replica' },
          { url: 'postgres://app@replica-2/civicdesk', applicationName: 'civicdesk-replica' },
        ],
        defaultMode: 'master',
      },
    });
    // A top-level name would override the pools' own.
    expect(options).not.toHaveProperty('applicationName');
    expect(options).not.toHaveProperty('url');
  });
});
