import { describe, expect, it } from '@jest/globals';
import { auditDetailProblem, MAX_DETAIL_BYTES } from './audit-detail.js';

describe(auditDetailProblem.name, () => {
  it('accepts plain facts', () => {
    expect(auditDetailProblem({ email: 'jane@city.gov', from: 'requester', to: 'admin', sessionsRevoked: 2 })).toBeNull();
    expect(auditDetailProblem({ added: ['a', 'b'], removed: [], changes: { restricted: { from: false, to: true } } })).toBeNull();
  });

  it.each([
    [{ password: 'x' }, 'password may hold a credential'],
    [{ newPassword: 'x' }, 'newPassword may hold a credential'],
    [{ passwordHash: 'x' }, 'passwordHash may hold a credential'],
    [{ user: { token_hash: 'x' } }, 'user.token_hash may hold a credential'],
    [{ feed: { token: 'x' } }, 'feed.token may hold a credential'],
    [{ SESSION_SECRET: 'x' }, 'SESSION_SECRET may hold a credential'],
    [{ headers: [{ cookie: 'x' }] }, 'headers[0].cookie may hold a credential'],
    [{ apiKey: 'x' }, 'apiKey may hold a credential'],
  ])('refuses a key that may hold a credential: %j', (detail, problem) => {
    expect(auditDetailProblem(detail)).toBe(problem);
  });

  it('refuses a password hash under any name', () => {
    expect(auditDetailProblem({ value: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA' })).toBe('value holds a password hash');
    expect(auditDetailProblem({ list: ['ok', '$2b$10$abcdefghijklmnopqrstuv'] })).toBe('list[1] holds a password hash');
  });

  it('refuses a detail larger than the limit', () => {
    expect(auditDetailProblem({ note: 'x'.repeat(MAX_DETAIL_BYTES) })).toMatch(/more than/);
  });
});
