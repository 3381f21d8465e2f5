import { describe, expect, it } from '@jest/globals';
import type { Actor } from '../../../common/security/actor.js';
import { ROLES, type Role } from './role.js';
import { canManageUsers, canViewUser, userVisibility } from './user.policy.js';
import { testActor } from '../../../common/security/test-actor.js';

const actor = (role: Role, id = `id-${role}`): Actor => testActor(role, { id });

describe('user policy', () => {
  it('lets admins view anyone and others only themselves', () => {
    for (const role of ROLES) {
      expect(canViewUser(actor(role), { id: `id-${role}` })).toBe(true);
      expect(canViewUser(actor(role), { id: 'someone-else' })).toBe(role === 'admin');
    }
  });

  it('lets only admins manage users', () => {
    expect(ROLES.filter((r) => canManageUsers(actor(r)))).toEqual(['admin']);
  });

  it('expresses the same rule as a SQL condition for lists', () => {
    expect(userVisibility(actor('admin'), 'u')).toEqual({ where: 'TRUE', params: {} });
    expect(userVisibility(actor('manager', 'm-1'), 'u')).toEqual({
      where: 'u.id = :visibilityActorId',
      params: { visibilityActorId: 'm-1' },
    });
  });
});
