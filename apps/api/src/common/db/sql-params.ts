/**
 * Numbered parameters for one hand-written statement: `add` returns the placeholder, cast to a
 * type named by code, so request values only ever travel as parameters and the SQL text is made
 * of fixed fragments.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }

  /** Several parameters at once, `[value, type]` each: their placeholders, comma-separated (for `unnest(…)`). */
  addAll(values: readonly (readonly [unknown, string])[]): string {
    return values.map(([value, type]) => this.add(value, type)).join(', ');
  }

  /**
   * A placeholder added the first time a fragment uses it, then reused: PostgreSQL refuses a
   * parameter the statement never mentions.
   */
  lazy(value: unknown, type: string): () => string {
    let placeholder: string | undefined;
    return () => (placeholder ??= this.add(value, type));
  }
}
