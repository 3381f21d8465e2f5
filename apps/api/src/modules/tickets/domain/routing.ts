/** Where a new ticket goes: the category's default queue, else the Service Desk. */
export function routeToQueue(category: { defaultQueueId: string } | null, serviceDeskQueueId: string): string {
  return category?.defaultQueueId ?? serviceDeskQueueId;
}
