import { describe, expect, it } from '@jest/globals';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, ValidateNested } from 'class-validator';
import { AppError } from '../errors/app-error.js';
import { createValidationPipe, MAX_INPUT_DEPTH, undocumentedNulls, unstorableInput } from './validation.pipe.js';

class NoteDto {
  @IsString() title: string;
  @IsOptional() @IsString() body?: string;
}

class YearsDto {
  @ApiPropertyOptional() @IsOptional() @IsString() desktop?: string;
}

class PatchDto {
  @ApiPropertyOptional() @IsOptional() @IsString() name?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() location?: string | null;
  @ApiPropertyOptional({ type: YearsDto }) @IsOptional() @ValidateNested() @Type(() => YearsDto) years?: YearsDto;
}

describe(unstorableInput.name, () => {
  it('names fields holding NUL characters or lone surrogates, which PostgreSQL text and jsonb refuse', () => {
    expect(unstorableInput({ title: 'a\u0000b', tags: ['ok', '\ud800'], emoji: '😀', nested: { x: 'fine' } })).toEqual([
      { field: 'title', messages: ['title must not contain NUL characters'] },
      { field: 'tags.1', messages: ['tags.1 must be valid Unicode text'] },
    ]);
  });

  it('names the field that nests too deeply, and accepts nesting up to the limit', () => {
    const nest = (levels: number): unknown => (levels === 0 ? 'leaf' : [nest(levels - 1)]);
    expect(unstorableInput({ ok: nest(MAX_INPUT_DEPTH - 1) })).toEqual([]);
    expect(unstorableInput({ deep: nest(5_000) }).map((p) => p.field)).toEqual([`deep${'.0'.repeat(MAX_INPUT_DEPTH - 1)}`]);
    expect(unstorableInput(nest(5_000)).map((p) => p.field)).toHaveLength(1);
  });
});

describe('createValidationPipe', () => {
  const pipe = createValidationPipe();
  const refusal = (value: unknown) =>
    pipe.transform(value, { type: 'body', metatype: NoteDto }).then(
      () => null,
      (e: AppError) => [e.code, (e.details as { field: string }[]).map((d) => d.field)],
    );

  it('refuses unstorable and deeply nested input with a 400 naming the field instead of failing later', async () => {
    expect(await refusal({ title: 'x\u0000' })).toEqual(['validation_failed', ['title']]);
    expect(await refusal(JSON.parse(`${'['.repeat(5_000)}${']'.repeat(5_000)}`))).toEqual([
      'validation_failed',
      [`0${'.0'.repeat(MAX_INPUT_DEPTH - 1)}`],
    ]);
  });

  it('still converts and checks a good body', async () => {
    await expect(pipe.transform({ title: 'Printer' }, { type: 'body', metatype: NoteDto })).resolves.toBeInstanceOf(NoteDto);
    expect(await refusal({ title: 'x', extra: 1 })).toEqual(['validation_failed', ['extra']]);
  });
});

describe(undocumentedNulls.name, () => {
  const pipe = createValidationPipe();
  const patch = (value: unknown) =>
    pipe.transform(value, { type: 'body', metatype: PatchDto }).then(
      () => null,
      (e: AppError) => (e.details as { field: string }[]).map((d) => d.field),
    );

  it('refuses null where the API does not document the field as nullable (@IsOptional lets it through)', async () => {
    expect(await patch({ name: null })).toEqual(['name']);
    expect(await patch({ years: { desktop: null } })).toEqual(['years.desktop']);
  });

  it('takes null where it is documented, and leaves out what is left out', async () => {
    expect(await patch({ location: null })).toBeNull();
    expect(await patch({ name: 'Fleet', years: {} })).toBeNull();
  });
});
