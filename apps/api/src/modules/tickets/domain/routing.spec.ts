import { describe, expect, it } from '@jest/globals';
import { routeToQueue } from './routing.js';

const SERVICE_DESK = '00000000-0000-4000-8000-000000000001';
const NETWORK = '00000000-0000-4000-8000-000000000002';

describe(routeToQueue.name, () => {
  it("routes to the category's default queue", () => {
    expect(routeToQueue({ defaultQueueId: NETWORK }, SERVICE_DESK)).toBe(NETWORK);
  });

  it('routes a ticket without a category to the Service Desk', () => {
    expect(routeToQueue(null, SERVICE_DESK)).toBe(SERVICE_DESK);
  });

  it('keeps the category queue even when it is the Service Desk itself', () => {
    expect(routeToQueue({ defaultQueueId: SERVICE_DESK }, NETWORK)).toBe(SERVICE_DESK);
  });

  it('uses only the default queue of the category, ignoring its other fields', () => {
    const category = { id: 'cat-1', name: 'Network', defaultQueueId: NETWORK };
    expect(routeToQueue(category, SERVICE_DESK)).toBe(NETWORK);
  });
});
