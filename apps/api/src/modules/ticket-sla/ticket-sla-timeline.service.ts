import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { SlaTargetName, TargetClock } from '@civicdesk/sla';
import type { Actor } from '../../common/security/actor.js';
import { Clock } from '../../common/time/clock.js';
import type { EscalationAction } from '../sla-policies/domain/sla-policy-vocabulary.js';
import type { ResolvedSlaPolicy } from '../sla-policies/sla-policies.service.js';
import { slaState } from '../tickets/domain/sla-state.js';
import { canOnTicket } from '../tickets/domain/ticket.policy.js';
import { loadTicketFor } from '../tickets/ticket-access.js';
import { escalationLevels, firedKey } from './domain/clock-columns.js';
import type { SlaEscalationDto, SlaPolicyMatchDto, SlaPolicyRefDto, SlaTargetDto, TicketSlaDto } from './dto/ticket-sla.dto.js';
import { TicketSlaService, type SlaEvaluation } from './ticket-sla.service.js';

interface FiredRow {
  target: SlaTargetName;
  cycle: number;
  level: number;
  percent: number;
  actions: EscalationAction[];
  due_at: Date;
  fired_at: Date;
}

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

/** `GET /api/tickets/:id/sla`: the clock replayed now, with the policy matches and escalations. */
@Injectable()
export class TicketSlaTimelineService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly sla: TicketSlaService,
  ) {}

  async timeline(actor: Actor, idOrNumber: string): Promise<TicketSlaDto> {
    const visible = await loadTicketFor(this.dataSource, actor, idOrNumber);
    const staff = canOnTicket(
      visible.actor,
      { requesterId: visible.row.requester_id, queueId: visible.row.queue_id, queueRestricted: visible.row.queue_restricted },
      'work',
    );
    const now = this.clock.now();
    const state = slaState(visible.row, now);
    const [evaluation] = await this.sla.evaluate(this.dataSource.manager, [visible.row.id], now);
    if (!evaluation) {
      return {
        computedAt: now.toISOString(),
        state,
        policy: null,
        calendar: null,
        targets: { firstResponse: null, resolution: null, nextResponse: null },
        dueAt: null,
        reopenCount: visible.row.reopen_count,
        firstResolutionMinutes: null,
        nextResponseCycles: 0,
        segments: [],
        policyMatches: [],
        escalations: [],
      };
    }
    const { clock, version, calendar, events, versions } = evaluation;
    const policyMatches = events
      .filter((e) => e.type === 'sla_policy_matched')
      .flatMap((e): SlaPolicyMatchDto[] => {
        const matched = versions.get(e.data.versionId as string);
        if (!matched) return [];
        return [
          {
            at: new Date(e.created_at).toISOString(),
            policy: policyRef(matched),
            reason: e.data.reason as SlaPolicyMatchDto['reason'],
          },
        ];
      });
    return {
      computedAt: now.toISOString(),
      state,
      policy: policyRef(version),
      calendar: { id: calendar.id, name: calendar.name, timeZone: calendar.timeZone },
      targets: {
        firstResponse: target(clock.firstResponse),
        resolution: target(clock.resolution),
        nextResponse: target(clock.nextResponse),
      },
      dueAt: iso(clock.dueAt),
      reopenCount: clock.reopenCount,
      firstResolutionMinutes: clock.firstResolutionMinutes,
      nextResponseCycles: clock.nextResponseCycles,
      segments: clock.segments.map((s) => ({ from: s.from.toISOString(), to: s.to.toISOString(), state: s.state })),
      policyMatches,
      escalations: staff ? await this.escalations(visible.row.id, evaluation) : [],
    };
  }

  /** The levels of the policy in force with their due times, and every level that fired (under any version). */
  private async escalations(ticketId: string, { clock, version }: SlaEvaluation): Promise<SlaEscalationDto[]> {
    const fired: FiredRow[] = await this.dataSource.query(
      `SELECT target, cycle, level, percent, actions, due_at, fired_at FROM sla_escalations WHERE ticket_id = $1 ORDER BY fired_at, id`,
      [ticketId],
    );
    const firedBy = new Map(fired.map((f) => [firedKey(f.target, f.cycle, f.level), f]));
    const seen = new Set<string>();
    const levels = escalationLevels(clock).map((level): SlaEscalationDto => {
      const key = firedKey(level.target, level.cycle, level.level);
      seen.add(key);
      const done = firedBy.get(key);
      const rule = version.escalations.find((e) => e.target === level.target && e.level === level.level);
      return {
        target: level.target,
        level: level.level,
        percent: level.percent,
        actions: done?.actions ?? rule?.actions ?? [],
        dueAt: done ? iso(done.due_at) : iso(level.dueAt),
        firedAt: done ? iso(done.fired_at) : null,
      };
    });
    const earlier = fired
      .filter((f) => !seen.has(firedKey(f.target, f.cycle, f.level)))
      .map((f): SlaEscalationDto => ({
        target: f.target,
        level: f.level,
        percent: f.percent,
        actions: f.actions,
        dueAt: iso(f.due_at),
        firedAt: iso(f.fired_at),
      }));
    return [...earlier, ...levels];
  }
}

function policyRef(v: ResolvedSlaPolicy): SlaPolicyRefDto {
  return { id: v.policyId, versionId: v.versionId, name: v.name, version: v.version, active: v.active };
}

function target(c: TargetClock | null): SlaTargetDto | null {
  if (c === null) return null;
  return { ...c, dueAt: iso(c.dueAt), breachedAt: iso(c.breachedAt), stoppedAt: iso(c.stoppedAt) };
}
