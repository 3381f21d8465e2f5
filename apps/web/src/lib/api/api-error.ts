/** One field's validation messages, as the API reports them in `details`. */
export interface ApiFieldError {
  field: string;
  messages: string[];
}

export interface ApiErrorInit {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

/** Status 0 means the request never got an HTTP answer (offline, DNS, server down). */
export const NETWORK_ERROR_CODE = 'network_error';

/**
 * Every non-2xx answer from the API, and every failed request, becomes one of these.
 * The API always answers errors as `{statusCode, code, message, details?}`.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly statusCode: number;
  readonly code: string;
  readonly details: unknown;

  constructor({ statusCode, code, message, details }: ApiErrorInit) {
    super(message);
    this.statusCode = statusCode;
    this.code = code;
    this.details = details;
  }

  /** Validation details (`[{field, messages}]`), or an empty list when there are none. */
  get fieldErrors(): ApiFieldError[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(isFieldError);
  }

  static async fromResponse(response: Response): Promise<ApiError> {
    let body: unknown;
    try {
      const text = await response.text();
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (isErrorBody(body)) {
      return new ApiError({
        statusCode: response.status,
        code: body.code,
        message: body.message,
        details: body.details,
      });
    }
    // Proxies and crashed servers may answer with HTML or nothing at all.
    return new ApiError({
      statusCode: response.status,
      code: 'http_error',
      message: `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
    });
  }

  static network(cause: unknown): ApiError {
    const error = new ApiError({
      statusCode: 0,
      code: NETWORK_ERROR_CODE,
      message: 'Could not reach the CivicDesk server. Check your connection and try again.',
    });
    error.cause = cause;
    return error;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** A message fit to show a person, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Please try again.';
}

function isErrorBody(value: unknown): value is { code: string; message: string; details?: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

function isFieldError(value: unknown): value is ApiFieldError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { field?: unknown; messages?: unknown };
  return (
    typeof candidate.field === 'string' &&
    Array.isArray(candidate.messages) &&
    candidate.messages.every((message) => typeof message === 'string')
  );
}
