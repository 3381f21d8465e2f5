/** "1 holiday", "3 holidays": a count with the word that fits it. */
export function countOf(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
