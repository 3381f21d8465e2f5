/** Where an import run stands: waiting for a worker, being worked, or done one way or the other. */
export const IMPORT_RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type ImportRunStatus = (typeof IMPORT_RUN_STATUSES)[number];
