import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { validationFailed, type FieldError } from '../errors/app-error.js';

/** Deeper than any DTO goes; class-transformer recurses per level and overflows the stack on thousands. */
export const MAX_INPUT_DEPTH = 32;

/**
 * Validation that strips nothing silently: unknown fields are an error naming them, wrong types
 * answer per field, and values are converted to the DTO's declared types. Before any of that,
 * input PostgreSQL or the transformer cannot take is refused by field: NUL characters and lone
 * surrogates (text and jsonb refuse them, which would be a 500) and absurd nesting.
 */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}

class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if ((metadata.type === 'body' || metadata.type === 'query') && isDto(metadata.metatype)) {
      const problems = unstorableInput(value);
      if (problems.length) throw validationFailed(problems);
    }
    return super.transform(value, metadata);
  }
}

const PRIMITIVES: unknown[] = [String, Boolean, Number, Array, Object];
function isDto(metatype: ArgumentMetadata['metatype']): boolean {
  return typeof metatype === 'function' && !PRIMITIVES.includes(metatype);
}

/** Fields (dotted paths, as validation errors name them) holding what no column can store. */
export function unstorableInput(value: unknown): FieldError[] {
  const problems: FieldError[] = [];
  const walk = (node: unknown, path: string, depth: number): void => {
    if (typeof node === 'string') {
      if (node.includes('\u0000'))
        problems.push({ field: path || 'body', messages: [`${path || 'body'} must not contain NUL characters`] });
      else if (/\p{Cs}/u.test(node))
        problems.push({ field: path || 'body', messages: [`${path || 'body'} must be valid Unicode text`] });
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    if (depth >= MAX_INPUT_DEPTH) {
      problems.push({ field: path || 'body', messages: [`${path || 'body'} nests more than ${MAX_INPUT_DEPTH} levels deep`] });
      return;
    }
    for (const [key, child] of Object.entries(node)) walk(child, path ? `${path}.${key}` : key, depth + 1);
  };
  walk(value, '', 0);
  return problems;
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
