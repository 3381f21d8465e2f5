import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger';
import { validationFailed, type FieldError } from '../errors/app-error.js';

/** Deeper than any DTO goes; class-transformer recurses per level and overflows the stack on thousands. */
export const MAX_INPUT_DEPTH = 32;

/**
 * Validation that strips nothing silently: unknown fields are an error naming them, wrong types
 * answer per field, and values are converted to the DTO's declared types. Before any of that,
 * input PostgreSQL or the transformer cannot take is refused by field: NUL characters and lone
 * surrogates (text and jsonb refuse them, which would be a 500) and absurd nesting. After it,
 * null is refused in a body field the API does not document as nullable: `@IsOptional()` skips
 * null as it skips a missing field, and would hand it to a NOT NULL column (a 500 again).
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
    const dto: unknown = await super.transform(value, metadata);
    if (metadata.type === 'body' && isDto(metadata.metatype)) {
      const problems = undocumentedNulls(dto);
      if (problems.length) throw validationFailed(problems);
    }
    return dto;
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

/**
 * Fields of a validated DTO (nested DTOs included) holding null where the OpenAPI document, read
 * from the same decorators, does not say `nullable`. Plain objects (maps of values) are not DTOs.
 */
export function undocumentedNulls(dto: unknown, path = ''): FieldError[] {
  if (typeof dto !== 'object' || dto === null) return [];
  if (Array.isArray(dto)) return dto.flatMap((item, i) => undocumentedNulls(item, path ? `${path}.${i}` : String(i)));
  const prototype: unknown = Object.getPrototypeOf(dto);
  if (prototype === Object.prototype || prototype === null) return [];
  return Object.entries(dto).flatMap(([key, value]): FieldError[] => {
    const field = path ? `${path}.${key}` : key;
    if (value !== null) return undocumentedNulls(value, field);
    const documented = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, prototype as object, key) as
      { nullable?: boolean } | undefined;
    return documented && !documented.nullable ? [{ field, messages: [`${field} must not be null`] }] : [];
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
