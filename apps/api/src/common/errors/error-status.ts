import type { ErrorCode } from './app-error.js';

export function statusForCode(code: ErrorCode): number {
  switch (code) {
    case 'validation_failed':
    case 'weak_password':
      return 400;
    case 'unauthenticated':
    case 'invalid_credentials':
      return 401;
    case 'csrf_header_missing':
    case 'forbidden':
    case 'password_change_required':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
    case 'email_taken':
    case 'department_code_taken':
    case 'department_name_taken':
    case 'department_in_use':
      return 409;
    case 'too_many_attempts':
      return 429;
    case 'service_unavailable':
      return 503;
  }
}
