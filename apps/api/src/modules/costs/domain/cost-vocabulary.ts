export const EXPENSE_TYPES = ['parts', 'vendor', 'contract', 'software', 'other'] as const;
export type ExpenseType = (typeof EXPENSE_TYPES)[number];

/** Field limits shared by the DTOs and the database checks. */
export const COST_LIMITS = {
  /** One work log covers at most one day. */
  minutesMin: 1,
  minutesMax: 1440,
  /** $10,000 an hour: keeps a day's cost (1440 × rate / 60) far inside a PostgreSQL integer. */
  hourlyRateCentsMax: 1_000_000,
  /** $100 million: one expense, however large the contract. */
  amountCentsMax: 10_000_000_000,
  note: 2000,
  vendor: 200,
  description: 2000,
} as const;
