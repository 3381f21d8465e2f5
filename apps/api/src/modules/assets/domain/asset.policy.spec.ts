import { describe, expect, it } from '@jest/globals';
import type { Actor } from '../../../common/security/actor.js';
import { ROLES, type Role } from '../../users/domain/role.js';
import { assetVisibility, canViewAsset } from './asset.policy.js';
import { testActor } from '../../../common/security/test-actor.js';

const actor = (role: Role, departmentId: string | null = 'dept-fin'): Actor => testActor(role, { departmentId });

const own = { departmentId: 'dept-fin' };
const other = { departmentId: 'dept-police' };

describe('asset policy', () => {
  it('lets staff view every asset', () => {
    for (const role of ROLES.filter((r) => r !== 'requester')) {
      expect(canViewAsset(actor(role), own)).toBe(true);
      expect(canViewAsset(actor(role), other)).toBe(true);
      expect(canViewAsset(actor(role, null), other)).toBe(true);
      expect(assetVisibility(actor(role), 'a')).toEqual({ where: 'TRUE', params: {} });
    }
  });

  it("lets a requester view their own department's assets only", () => {
    expect(canViewAsset(actor('requester'), own)).toBe(true);
    expect(canViewAsset(actor('requester'), other)).toBe(false);
    expect(assetVisibility(actor('requester'), 'a')).toEqual({
      where: 'a.department_id = :visibilityDepartmentId',
      params: { visibilityDepartmentId: 'dept-fin' },
    });
  });

  it('shows a requester without a department no asset at all', () => {
    expect(canViewAsset(actor('requester', null), own)).toBe(false);
    expect(canViewAsset(actor('requester', null), other)).toBe(false);
    expect(assetVisibility(actor('requester', null), 'a')).toEqual({ where: 'FALSE', params: {} });
  });
});
