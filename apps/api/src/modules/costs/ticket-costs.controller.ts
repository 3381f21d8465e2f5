import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, UseGuards } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { uuidPipe } from '../../common/http/uuid.pipe.js';
import type { Actor } from '../../common/security/actor.js';
import { CurrentActor } from '../../common/security/access.decorators.js';
import { CreateExpenseDto, ExpenseDto, ExpenseListDto, UpdateExpenseDto } from './dto/expense.dto.js';
import { TicketCostsDto } from './dto/ticket-costs.dto.js';
import { CreateWorkLogDto, UpdateWorkLogDto, WorkLogDto, WorkLogListDto } from './dto/work-log.dto.js';
import { CostsStaffGuard } from './costs-staff.guard.js';
import { TicketCostsService } from './ticket-costs.service.js';

const ID = { name: 'id', description: 'Ticket id (uuid) or number (INC-000123)' };
const STAFF_ONLY = 'Staff who work the ticket only: anyone else, requesters included, gets 404 as for a missing ticket';

@ApiTags('ticket costs')
@ApiCookieAuth()
@ApiParam(ID)
@ApiNotFoundResponse({ description: STAFF_ONLY })
@UseGuards(CostsStaffGuard)
@Controller('tickets/:id')
export class TicketCostsController {
  constructor(private readonly costs: TicketCostsService) {}

  /** Totals (stored on the ticket) with the work logs and expenses behind them. */
  @Get('costs')
  @ApiOkResponse({ type: TicketCostsDto })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<TicketCostsDto> {
    return this.costs.costs(actor, id);
  }

  @Get('work-logs')
  @ApiOkResponse({ type: WorkLogListDto })
  listWorkLogs(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<WorkLogListDto> {
    return this.costs.listWorkLogs(actor, id);
  }

  /** Costed at the technician's rate in force on workDate (their own, else their role's default). */
  @Post('work-logs')
  @ApiCreatedResponse({ type: WorkLogDto })
  addWorkLog(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: CreateWorkLogDto): Promise<WorkLogDto> {
    return this.costs.addWorkLog(actor, id, body);
  }

  /** The author, a manager or an admin. A new date or number of minutes re-costs the entry. */
  @Patch('work-logs/:logId')
  @ApiOkResponse({ type: WorkLogDto })
  updateWorkLog(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('logId', uuidPipe) logId: string,
    @Body() body: UpdateWorkLogDto,
  ): Promise<WorkLogDto> {
    return this.costs.updateWorkLog(actor, id, logId, body);
  }

  /** The author, a manager or an admin; the trail keeps a work_log_deleted event with what was deleted. */
  @Delete('work-logs/:logId')
  @HttpCode(204)
  @ApiNoContentResponse()
  deleteWorkLog(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('logId', uuidPipe) logId: string): Promise<void> {
    return this.costs.deleteWorkLog(actor, id, logId);
  }

  @Get('expenses')
  @ApiOkResponse({ type: ExpenseListDto })
  listExpenses(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ExpenseListDto> {
    return this.costs.listExpenses(actor, id);
  }

  @Post('expenses')
  @ApiCreatedResponse({ type: ExpenseDto })
  addExpense(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: CreateExpenseDto): Promise<ExpenseDto> {
    return this.costs.addExpense(actor, id, body);
  }

  /** The author, a manager or an admin. */
  @Patch('expenses/:expenseId')
  @ApiOkResponse({ type: ExpenseDto })
  updateExpense(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('expenseId', uuidPipe) expenseId: string,
    @Body() body: UpdateExpenseDto,
  ): Promise<ExpenseDto> {
    return this.costs.updateExpense(actor, id, expenseId, body);
  }

  /** The author, a manager or an admin; the trail keeps an expense_deleted event with what was deleted. */
  @Delete('expenses/:expenseId')
  @HttpCode(204)
  @ApiNoContentResponse()
  deleteExpense(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('expenseId', uuidPipe) expenseId: string,
  ): Promise<void> {
    return this.costs.deleteExpense(actor, id, expenseId);
  }
}
