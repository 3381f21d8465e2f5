/** What the mapping form needs to know of a file's column: its name and the values found in it. */
export interface ImportFileColumn {
  name: string;
  /** Distinct values in order of first appearance, at most MAX_SAMPLED_VALUES (the first ones, when there are more). */
  values: string[];
  /** The column holds more distinct values than were kept (free text, dates, ids). */
  moreValues: boolean;
}

/** Enough to map every priority, status or kind an export uses; free-text columns stop here. */
export const MAX_SAMPLED_VALUES = 50;
const MAX_VALUE_LENGTH = 100;

/**
 * Collects each column's distinct values while a file streams past, keeping at most
 * MAX_SAMPLED_VALUES per column so memory stays small whatever the file's size.
 */
export class ColumnSampler {
  private readonly seen: Set<string>[];
  private readonly overflow: boolean[];

  constructor(readonly header: readonly string[]) {
    this.seen = header.map(() => new Set<string>());
    this.overflow = header.map(() => false);
  }

  add(record: readonly string[]): void {
    for (let i = 0; i < this.header.length; i++) {
      if (this.overflow[i]) continue;
      const value = (record[i] ?? '').trim();
      const seen = this.seen[i]!;
      if (seen.has(value)) continue;
      // Past the limit the column is free text (or times, or ids): the first values stay, as a sample.
      if (seen.size >= MAX_SAMPLED_VALUES) this.overflow[i] = true;
      else if (value.length > MAX_VALUE_LENGTH) this.overflow[i] = true;
      else seen.add(value);
    }
  }

  columns(): ImportFileColumn[] {
    return this.header.map((name, i) => ({
      name,
      values: [...this.seen[i]!],
      moreValues: this.overflow[i]!,
    }));
  }
}
