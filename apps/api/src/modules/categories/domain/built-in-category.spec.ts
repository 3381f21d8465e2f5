import { describe, expect, it } from '@jest/globals';
import { PHISHING_CATEGORY_KEY } from '../category.entity.js';
import { builtInCategoryProblem } from './built-in-category.js';

describe(builtInCategoryProblem.name, () => {
  const phishing = { systemKey: PHISHING_CATEGORY_KEY };
  const ordinary = { systemKey: null };

  it('lets anything change on an ordinary category', () => {
    expect(builtInCategoryProblem(ordinary, { active: false, defaultQueueSystemKey: null })).toBeNull();
  });

  it('lets the phishing category be renamed, stay active and keep the security queue', () => {
    expect(builtInCategoryProblem(phishing, {})).toBeNull();
    expect(builtInCategoryProblem(phishing, { active: true, defaultQueueSystemKey: 'security' })).toBeNull();
  });

  it('refuses to deactivate it', () => {
    expect(builtInCategoryProblem(phishing, { active: false })).toMatchObject({ field: 'active' });
  });

  it('refuses to route it anywhere but the security queue', () => {
    expect(builtInCategoryProblem(phishing, { defaultQueueSystemKey: null })).toMatchObject({ field: 'defaultQueueId' });
    expect(builtInCategoryProblem(phishing, { defaultQueueSystemKey: 'service_desk' })).toMatchObject({
      field: 'defaultQueueId',
    });
  });

  it('refuses deactivation of any other built-in category too', () => {
    expect(builtInCategoryProblem({ systemKey: 'future_key' }, { active: false })).toMatchObject({ field: 'active' });
    expect(builtInCategoryProblem({ systemKey: 'future_key' }, { defaultQueueSystemKey: null })).toBeNull();
  });
});
