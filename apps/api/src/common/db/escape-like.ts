/** Escapes LIKE/ILIKE wildcards so user input matches literally (PostgreSQL's default escape is "\"). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
