import type { ErrorCode } from './app-error.js';

export function statusForCode(code: ErrorCode): number {
  switch (code) {
    case 'validation_failed':
    case 'weak_password':
    case 'import_failed':
      return 400;
    case 'unauthenticated':
    case 'invalid_credentials':
      return 401;
    case 'csrf_header_missing':
    case 'forbidden':
    case 'password_change_required':
    case 'forbidden_fields':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
    case 'email_taken':
    case 'department_code_taken':
    case 'department_name_taken':
    case 'department_in_use':
    case 'queue_name_taken':
    case 'queue_in_use':
    case 'category_name_taken':
    case 'category_in_use':
    case 'asset_tag_taken':
    case 'asset_in_use':
    case 'invalid_transition':
    case 'transition_not_allowed':
    case 'version_conflict':
      return 409;
    case 'too_many_attempts':
      return 429;
    case 'service_unavailable':
      return 503;
  }
}
