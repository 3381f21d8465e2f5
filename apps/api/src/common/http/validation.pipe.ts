import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { validationFailed, type FieldError } from '../errors/app-error.js';

/**
 * Validation that strips nothing silently: unknown fields are an error naming them, wrong types
 * answer per field, and values are converted to the DTO's declared types.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints
      ? [{ field, messages: Object.values(error.constraints).map((m) => m.replace(/^property /, 'field ')) }]
      : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
