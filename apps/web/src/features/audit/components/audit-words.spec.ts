import { describe, expect, it } from '@jest/globals';
import { actionLabel, actionOptions, detailText } from './audit-words';

describe(detailText.name, () => {
  it('writes changes as from → to and keys as words', () => {
    expect(detailText({ restricted: { from: false, to: true }, sessionsRevoked: 2 })).toBe(
      'restricted: false → true; sessions revoked: 2',
    );
  });

  it('lists arrays, says none for empty and null values, and nests other objects', () => {
    expect(detailText({ added: ['a', 'b'], removed: [], departmentId: null })).toBe(
      'added: a, b; removed: none; department id: none',
    );
    expect(detailText({ filters: { format: 'csv', from: '2026-01-01' } })).toBe('filters: format: csv, from: 2026-01-01');
    expect(detailText({})).toBe('');
  });
});

describe(actionOptions.name, () => {
  it('offers every action once, in groups', () => {
    const values = actionOptions().flatMap((group) => group.items.map((item) => item.value));
    expect(new Set(values).size).toBe(values.length);
    expect(values).toContain('auth.sign_in_failed');
    expect(actionLabel('auth.sign_in_failed')).toBe('Sign-in failed');
  });
});
