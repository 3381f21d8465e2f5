import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsOmittable } from './validators.js';

/**
 * One field of a create/update DTO pair, declared once: documented and validated the same way,
 * required on create; on update it may be left out but, when sent, is validated (null included).
 */
export function dtoField(
  api: ApiPropertyOptions,
  ...decorators: PropertyDecorator[]
): (mode?: 'required' | 'omittable') => PropertyDecorator {
  return (mode = 'required') =>
    mode === 'required'
      ? applyDecorators(ApiProperty(api), ...decorators)
      : applyDecorators(ApiPropertyOptional(api), IsOmittable(), ...decorators);
}
