import type { QueueSystemKey } from '../../queues/queue.entity.js';
import { PHISHING_CATEGORY_KEY } from '../category.entity.js';

/**
 * Built-in categories back one-click flows ("Report phishing" files into security_phishing), so
 * they stay active and keep routing to the queue the flow relies on. An admin may still rename them.
 */
export const BUILT_IN_CATEGORY_QUEUE: Readonly<Record<string, QueueSystemKey>> = {
  [PHISHING_CATEGORY_KEY]: 'security',
};

export interface CategoryChange {
  active?: boolean;
  /** The system key of the queue the category would route to, when the change names a queue. */
  defaultQueueSystemKey?: QueueSystemKey | null;
}

/** Why a change to a category is refused, as {field, message}; null when allowed. */
export function builtInCategoryProblem(
  category: { systemKey: string | null },
  change: CategoryChange,
): { field: 'active' | 'defaultQueueId'; message: string } | null {
  if (category.systemKey === null) return null;
  if (change.active === false) {
    return { field: 'active', message: 'Built-in categories cannot be deactivated' };
  }
  const requiredQueue = BUILT_IN_CATEGORY_QUEUE[category.systemKey];
  if (requiredQueue && change.defaultQueueSystemKey !== undefined && change.defaultQueueSystemKey !== requiredQueue) {
    return { field: 'defaultQueueId', message: `This built-in category must route to the built-in '${requiredQueue}' queue` };
  }
  return null;
}
