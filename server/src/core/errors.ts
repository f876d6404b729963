import type { ErrorCode } from '@innenhof/contract';

/** An error with an HTTP status and a stable code, rendered as `{ error: { code, message, details } }`. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export class NotFoundError extends AppError {
  constructor(what = 'Resource') {
    super(404, 'not_found', `${what} not found`);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You are not allowed to do this') {
    super(403, 'forbidden', message);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Please log in') {
    super(401, 'unauthenticated', message);
  }
}

export class ConflictError extends AppError {
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(409, code, message, details);
  }
}

/** 400 naming the field, as validation errors do. */
export function fieldError(field: string, message: string, code: ErrorCode = 'validation_failed'): AppError {
  return new AppError(400, code, `${field}: ${message}`, { fields: [{ field, message }] });
}
