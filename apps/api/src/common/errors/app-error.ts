/**
 * Every error the domain raises on purpose carries one of these codes. The exception filter maps
 * each code to an HTTP status with an exhaustive switch, so adding a code without deciding its
 * status does not compile.
 */
export type ErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'too_many_attempts'
  | 'csrf_header_missing'
  | 'forbidden'
  | 'password_change_required'
  | 'weak_password'
  | 'conflict'
  | 'email_taken'
  | 'department_code_taken'
  | 'department_name_taken'
  | 'department_in_use'
  | 'queue_name_taken'
  | 'queue_in_use'
  | 'category_name_taken'
  | 'category_in_use'
  | 'asset_tag_taken'
  | 'asset_in_use'
  | 'import_failed'
  | 'invalid_transition'
  | 'transition_not_allowed'
  | 'version_conflict'
  | 'forbidden_fields'
  | 'service_unavailable';

export interface FieldError {
  field: string;
  messages: string[];
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** The answer for a missing record and for a record the caller may not see: identical on purpose. */
export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} not found`);
}

export function validationFailed(fields: FieldError[]): AppError {
  const names = fields.map((f) => f.field).join(', ');
  return new AppError('validation_failed', `Invalid input: ${names}`, fields);
}
