import { SetMetadata } from '@nestjs/common';
import type { AuditAction } from './domain/audit-action.js';

export const AUDITED_EXPORT = 'civicdesk:auditedExport';

export interface AuditedExportOptions {
  action: AuditAction;
  /** The answer is an export only in this format: the JSON view of the same data on screen is not. */
  onlyFormat?: 'csv';
  /** The route parameter naming the exported record. */
  targetParam?: string;
  /** A fixed target (a report is named, not numbered). */
  targetId?: string;
}

/**
 * The route hands data out as a file: every successful answer is audited with the filters it was
 * asked with, written before the file is sent (no row, no file).
 */
export const AuditedExport = (options: AuditedExportOptions): MethodDecorator => SetMetadata(AUDITED_EXPORT, options);
