import { describe, expect, it } from '@jest/globals';
import type { Actor } from '../../../common/security/actor.js';
import { ROLES, type Role } from '../../users/domain/role.js';
import { canViewCategory, categoryVisibility } from './category.policy.js';
import { testActor } from '../../../common/security/test-actor.js';

const actor = (role: Role): Actor => testActor(role);

describe('category policy', () => {
  it('shows active categories to everyone and inactive ones to staff only', () => {
    for (const role of ROLES) {
      expect(canViewCategory(actor(role), { active: true })).toBe(true);
      expect(canViewCategory(actor(role), { active: false })).toBe(role !== 'requester');
    }
  });

  it('expresses the same rule as a SQL condition, inactive ones only on request', () => {
    expect(categoryVisibility(actor('requester'), 'c', true)).toEqual({ where: 'c.active', params: {} });
    expect(categoryVisibility(actor('technician'), 'c', false)).toEqual({ where: 'c.active', params: {} });
    expect(categoryVisibility(actor('technician'), 'c', true)).toEqual({ where: 'TRUE', params: {} });
  });
});
