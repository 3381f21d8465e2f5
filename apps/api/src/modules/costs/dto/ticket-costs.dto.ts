import { ApiProperty } from '@nestjs/swagger';
import { ExpenseDto } from './expense.dto.js';
import { WorkLogDto } from './work-log.dto.js';

/** A ticket's cost: the stored totals and the entries behind them. Staff only. */
export class TicketCostsDto {
  @ApiProperty({ type: 'integer' }) labourMinutes: number;
  @ApiProperty({ type: 'integer', description: 'Sum of the work logs’ stored costs, in cents' }) labourCostCents: number;
  @ApiProperty({ type: 'integer', description: 'Sum of the expenses, in cents' }) expensesCents: number;
  @ApiProperty({ type: 'integer', description: 'labourCostCents + expensesCents' }) totalCents: number;
  @ApiProperty({ type: [WorkLogDto] }) workLogs: WorkLogDto[];
  @ApiProperty({ type: [ExpenseDto] }) expenses: ExpenseDto[];
}
