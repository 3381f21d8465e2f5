import { describe, expect, it } from '@jest/globals';
import { addBusinessMinutes } from './business-time.js';
import { ALWAYS_OPEN } from './calendar.presets.js';
import { SlaError } from './sla.errors.js';
import { at, officeHours } from './testing/calendars.js';
import { SEGMENT_CAP, computeTicketClock } from './ticket-clock.js';
import { type ClockEvent, type ClockPolicy, type TicketStatus } from './ticket-clock.types.js';

/** Monday–Friday 08:00–17:00 New York; 2026-03-02 is a Monday, DST starts Sunday 2026-03-08. */
const cal = officeHours('America/New_York');
const policy: ClockPolicy = { firstResponseMinutes: 60, resolutionMinutes: 480 };

const created = (iso: string): ClockEvent => ({ type: 'created', at: at(iso) });
const status = (iso: string, to: TicketStatus): ClockEvent => ({ type: 'status', at: at(iso), to });
const firstResponse = (iso: string): ClockEvent => ({ type: 'first_response', at: at(iso) });
const requesterReply = (iso: string): ClockEvent => ({ type: 'requester_reply', at: at(iso) });
const agentReply = (iso: string): ClockEvent => ({ type: 'agent_reply', at: at(iso) });
const policyChange = (iso: string, p: ClockPolicy): ClockEvent => ({ type: 'policy', at: at(iso), policy: p });
const segment = (from: string, to: string, state: string) => ({ from: at(from), to: at(to), state });

describe(computeTicketClock.name, () => {
  it('counts business time from creation and stops the first response at the first response', () => {
    const clock = computeTicketClock(
      [created('2026-03-02T09:00:00-05:00'), firstResponse('2026-03-02T09:30:00-05:00')],
      policy,
      cal,
      at('2026-03-02T12:00:00-05:00'),
    );
    expect(clock.firstResponse).toEqual({
      targetMinutes: 60,
      elapsedMinutes: 30,
      pausedMinutes: 0,
      remainingMinutes: 30,
      dueAt: at('2026-03-02T10:00:00-05:00'),
      state: 'met',
      breached: false,
      breachedAt: null,
      stoppedAt: at('2026-03-02T09:30:00-05:00'),
    });
    expect(clock.resolution).toEqual({
      targetMinutes: 480,
      elapsedMinutes: 180,
      pausedMinutes: 0,
      remainingMinutes: 300,
      // 09:00 + 480 business minutes is the end of Monday's window.
      dueAt: at('2026-03-02T17:00:00-05:00'),
      state: 'running',
      breached: false,
      breachedAt: null,
      stoppedAt: null,
    });
    expect(clock.dueAt).toEqual(at('2026-03-02T17:00:00-05:00'));
    expect(clock.nextResponse).toBeNull();
    expect(clock.segments).toEqual([segment('2026-03-02T09:00:00-05:00', '2026-03-02T12:00:00-05:00', 'running')]);
  });

  it('marks a late first response breached at its due time, and a running one past due too', () => {
    const late = computeTicketClock(
      [created('2026-03-02T09:00:00-05:00'), firstResponse('2026-03-02T10:30:00-05:00')],
      policy,
      cal,
      at('2026-03-02T11:00:00-05:00'),
    );
    expect(late.firstResponse).toMatchObject({
      state: 'breached',
      breached: true,
      breachedAt: at('2026-03-02T10:00:00-05:00'),
      elapsedMinutes: 90,
      remainingMinutes: -30,
    });

    const onTheDot = computeTicketClock([created('2026-03-02T09:00:00-05:00')], policy, cal, at('2026-03-02T10:00:59-05:00'));
    expect(onTheDot.firstResponse).toMatchObject({ state: 'running', breached: false, remainingMinutes: 0 });

    const running = computeTicketClock([created('2026-03-02T09:00:00-05:00')], policy, cal, at('2026-03-02T10:30:00-05:00'));
    expect(running.firstResponse).toMatchObject({
      state: 'running',
      breached: true,
      breachedAt: at('2026-03-02T10:00:00-05:00'),
      dueAt: at('2026-03-02T10:00:00-05:00'),
    });
    expect(running.dueAt).toEqual(at('2026-03-02T10:00:00-05:00'));
  });

  it('treats the due time as a deadline instant at minute resolution', () => {
    const p: ClockPolicy = { firstResponseMinutes: null, resolutionMinutes: 60 };
    const resolvedAt = (iso: string) =>
      computeTicketClock([created('2026-03-02T16:00:00-05:00'), status(iso, 'resolved')], p, cal, at('2026-03-03T12:00:00-05:00'))
        .resolution!;
    expect(resolvedAt('2026-03-02T17:00:40-05:00')).toMatchObject({ state: 'met', elapsedMinutes: 60, remainingMinutes: 0 });
    // No business minute passed after 17:00, but the deadline did.
    expect(resolvedAt('2026-03-02T17:05:00-05:00')).toMatchObject({
      state: 'breached',
      elapsedMinutes: 60,
      remainingMinutes: 0,
      breachedAt: at('2026-03-02T17:00:00-05:00'),
    });
  });

  it('does not pause the first response in a waiting status; pauses the resolution without a due time', () => {
    const clock = computeTicketClock(
      [created('2026-03-02T09:00:00-05:00'), status('2026-03-02T09:10:00-05:00', 'waiting_on_requester')],
      policy,
      cal,
      at('2026-03-02T10:30:00-05:00'),
    );
    expect(clock.firstResponse).toMatchObject({ elapsedMinutes: 90, state: 'running', breached: true });
    expect(clock.resolution).toMatchObject({
      elapsedMinutes: 10,
      pausedMinutes: 80,
      remainingMinutes: 470,
      dueAt: null,
      state: 'paused',
      breached: false,
    });
  });

  describe('pause over a weekend (and the spring-forward night)', () => {
    const events = [
      created('2026-03-06T15:00:00-05:00'), // Friday
      status('2026-03-06T16:00:00-05:00', 'waiting_on_requester'),
      status('2026-03-09T10:00:00-04:00', 'in_progress'), // Monday, now EDT
    ];
    const p: ClockPolicy = { firstResponseMinutes: null, resolutionMinutes: 240 };

    it('has only remaining minutes while paused', () => {
      const clock = computeTicketClock(events, p, cal, at('2026-03-07T12:00:00-05:00'));
      expect(clock.resolution).toMatchObject({
        elapsedMinutes: 60,
        pausedMinutes: 60,
        remainingMinutes: 180,
        dueAt: null,
        state: 'paused',
      });
      expect(clock.firstResponse).toBeNull();
      expect(clock.dueAt).toBeNull();
    });

    it('is due at start + target + business time spent paused once resumed', () => {
      const clock = computeTicketClock(events, p, cal, at('2026-03-09T11:00:00-04:00'));
      expect(clock.resolution).toMatchObject({
        elapsedMinutes: 120,
        pausedMinutes: 180,
        remainingMinutes: 120,
        state: 'running',
      });
      expect(clock.resolution!.dueAt).toEqual(at('2026-03-09T13:00:00-04:00'));
      expect(clock.resolution!.dueAt).toEqual(addBusinessMinutes(at('2026-03-06T15:00:00-05:00'), 240 + 180, cal));
      expect(clock.segments).toEqual([
        segment('2026-03-06T15:00:00-05:00', '2026-03-06T16:00:00-05:00', 'running'),
        segment('2026-03-06T16:00:00-05:00', '2026-03-06T17:00:00-05:00', 'paused'),
        segment('2026-03-06T17:00:00-05:00', '2026-03-09T08:00:00-04:00', 'outside_hours'),
        segment('2026-03-09T08:00:00-04:00', '2026-03-09T10:00:00-04:00', 'paused'),
        segment('2026-03-09T10:00:00-04:00', '2026-03-09T11:00:00-04:00', 'running'),
      ]);
    });
  });

  describe('reopen', () => {
    const history = [
      created('2026-03-03T09:00:00-05:00'), // Tuesday
      firstResponse('2026-03-03T09:15:00-05:00'),
      status('2026-03-03T11:00:00-05:00', 'resolved'),
      requesterReply('2026-03-04T09:00:00-05:00'),
      status('2026-03-04T09:00:00-05:00', 'in_progress'),
    ];

    it('resumes the resolution clock where it stopped and counts the reopen', () => {
      const clock = computeTicketClock(history, policy, cal, at('2026-03-04T10:00:00-05:00'));
      expect(clock.reopenCount).toBe(1);
      expect(clock.firstResolutionMinutes).toBe(120);
      expect(clock.resolution).toMatchObject({
        elapsedMinutes: 180,
        remainingMinutes: 300,
        dueAt: at('2026-03-04T15:00:00-05:00'),
        state: 'running',
        stoppedAt: null,
      });
      expect(clock.segments).toEqual([
        segment('2026-03-03T09:00:00-05:00', '2026-03-03T11:00:00-05:00', 'running'),
        segment('2026-03-03T11:00:00-05:00', '2026-03-04T09:00:00-05:00', 'stopped'),
        segment('2026-03-04T09:00:00-05:00', '2026-03-04T10:00:00-05:00', 'running'),
      ]);
    });

    it('reports the first-resolution figure and the final one', () => {
      const clock = computeTicketClock(
        [...history, status('2026-03-04T16:00:00-05:00', 'resolved')],
        policy,
        cal,
        at('2026-03-05T12:00:00-05:00'),
      );
      expect(clock.firstResolutionMinutes).toBe(120);
      expect(clock.resolution).toMatchObject({
        elapsedMinutes: 540,
        remainingMinutes: -60,
        state: 'breached',
        breached: true,
        breachedAt: at('2026-03-04T15:00:00-05:00'),
        stoppedAt: at('2026-03-04T16:00:00-05:00'),
      });
      expect(clock.dueAt).toBeNull();
    });

    it('starts a next-response cycle when a requester reply reopens the ticket', () => {
      const clock = computeTicketClock(
        [...history, agentReply('2026-03-04T09:30:00-05:00')],
        { ...policy, nextResponseMinutes: 120 },
        cal,
        at('2026-03-04T10:00:00-05:00'),
      );
      expect(clock.nextResponseCycles).toBe(1);
      expect(clock.nextResponse).toMatchObject({ elapsedMinutes: 30, state: 'met', dueAt: at('2026-03-04T11:00:00-05:00') });
    });
  });

  it('keeps the resolution met when a resolved ticket is closed', () => {
    const clock = computeTicketClock(
      [
        created('2026-03-02T09:00:00-05:00'),
        status('2026-03-02T10:00:00-05:00', 'resolved'),
        status('2026-03-05T10:00:00-05:00', 'closed'),
      ],
      policy,
      cal,
      at('2026-03-06T10:00:00-05:00'),
    );
    expect(clock.resolution).toMatchObject({ state: 'met', elapsedMinutes: 60, stoppedAt: at('2026-03-02T10:00:00-05:00') });
    // Resolving answers the requester too: the first response stops with it.
    expect(clock.firstResponse).toMatchObject({ state: 'met', elapsedMinutes: 60 });
    expect(clock.segments).toEqual([segment('2026-03-02T09:00:00-05:00', '2026-03-02T10:00:00-05:00', 'running')]);
  });

  it('stops every clock on cancel, keeping a breach that already happened', () => {
    const clock = computeTicketClock(
      [created('2026-03-02T09:00:00-05:00'), status('2026-03-02T11:00:00-05:00', 'canceled')],
      policy,
      cal,
      at('2026-03-02T12:00:00-05:00'),
    );
    expect(clock.firstResponse).toMatchObject({ state: 'canceled', breached: true, stoppedAt: at('2026-03-02T11:00:00-05:00') });
    expect(clock.resolution).toMatchObject({ state: 'canceled', breached: false, dueAt: null, elapsedMinutes: 120 });
    expect(clock.dueAt).toBeNull();
    expect(clock.nextEscalationAt).toBeNull();
  });

  it('resumes the clocks when a canceled ticket is reopened, without counting a reopen', () => {
    const clock = computeTicketClock(
      [
        created('2026-03-02T09:00:00-05:00'),
        status('2026-03-02T09:20:00-05:00', 'canceled'),
        status('2026-03-02T10:00:00-05:00', 'assigned'),
      ],
      policy,
      cal,
      at('2026-03-02T10:30:00-05:00'),
    );
    expect(clock.reopenCount).toBe(0);
    expect(clock.firstResponse).toMatchObject({ state: 'running', elapsedMinutes: 50, dueAt: at('2026-03-02T10:40:00-05:00') });
    expect(clock.resolution).toMatchObject({ state: 'running', elapsedMinutes: 50 });
  });

  describe('policy change (priority or department re-match)', () => {
    const start = created('2026-03-02T09:00:00-05:00');

    it('applies the new target from there, keeping the elapsed minutes', () => {
      const clock = computeTicketClock(
        [start, policyChange('2026-03-02T13:00:00-05:00', { firstResponseMinutes: 30, resolutionMinutes: 300 })],
        { firstResponseMinutes: 240, resolutionMinutes: 960 },
        cal,
        at('2026-03-02T13:30:00-05:00'),
      );
      expect(clock.resolution).toMatchObject({
        targetMinutes: 300,
        elapsedMinutes: 270,
        remainingMinutes: 30,
        dueAt: at('2026-03-02T14:00:00-05:00'),
        state: 'running',
        breached: false,
      });
    });

    it('breaches at once, not before the change, when the new target is already used up', () => {
      const clock = computeTicketClock(
        [start, policyChange('2026-03-02T13:00:00-05:00', { firstResponseMinutes: null, resolutionMinutes: 120 })],
        { firstResponseMinutes: null, resolutionMinutes: 960 },
        cal,
        at('2026-03-02T13:30:00-05:00'),
      );
      expect(clock.resolution).toMatchObject({
        dueAt: at('2026-03-02T11:00:00-05:00'),
        breached: true,
        breachedAt: at('2026-03-02T13:00:00-05:00'),
      });
    });

    it('clears a breach when the target is raised (a corrected priority)', () => {
      const clock = computeTicketClock(
        [start, policyChange('2026-03-02T13:00:00-05:00', { firstResponseMinutes: null, resolutionMinutes: 960 })],
        { firstResponseMinutes: null, resolutionMinutes: 120 },
        cal,
        at('2026-03-02T13:30:00-05:00'),
      );
      expect(clock.resolution).toMatchObject({ breached: false, breachedAt: null, dueAt: at('2026-03-03T16:00:00-05:00') });
    });

    it('applies new pause statuses from the change', () => {
      const clock = computeTicketClock(
        [
          start,
          status('2026-03-02T10:00:00-05:00', 'waiting_on_vendor'),
          policyChange('2026-03-02T12:00:00-05:00', { ...policy, pauseStatuses: ['waiting_on_requester'] }),
        ],
        policy,
        cal,
        at('2026-03-02T13:00:00-05:00'),
      );
      expect(clock.resolution).toMatchObject({ elapsedMinutes: 120, pausedMinutes: 120, state: 'running' });
    });

    it('does not change a target that already stopped', () => {
      const clock = computeTicketClock(
        [
          start,
          firstResponse('2026-03-02T09:50:00-05:00'),
          policyChange('2026-03-02T10:00:00-05:00', { firstResponseMinutes: 15, resolutionMinutes: 480 }),
        ],
        policy,
        cal,
        at('2026-03-02T11:00:00-05:00'),
      );
      expect(clock.firstResponse).toMatchObject({ targetMinutes: 60, state: 'met' });
    });
  });

  it('skips an observed holiday (July 4, 2026 is a Saturday: closed Friday July 3)', () => {
    const july = officeHours('America/New_York', [
      { date: '1776-07-04', name: 'Independence Day', yearly: true, observed: true },
    ]);
    const clock = computeTicketClock(
      [created('2026-07-02T16:00:00-04:00')],
      { firstResponseMinutes: null, resolutionMinutes: 120 },
      july,
      at('2026-07-03T12:00:00-04:00'),
    );
    expect(clock.resolution).toMatchObject({ elapsedMinutes: 60, dueAt: at('2026-07-06T09:00:00-04:00') });
  });

  it('starts a ticket filed outside hours at the next opening', () => {
    const clock = computeTicketClock([created('2026-02-27T18:00:00-05:00')], policy, cal, at('2026-03-02T09:00:00-05:00'));
    expect(clock.firstResponse).toMatchObject({ elapsedMinutes: 60, dueAt: at('2026-03-02T09:00:00-05:00'), breached: false });
    expect(clock.segments).toEqual([
      segment('2026-02-27T18:00:00-05:00', '2026-03-02T08:00:00-05:00', 'outside_hours'),
      segment('2026-03-02T08:00:00-05:00', '2026-03-02T09:00:00-05:00', 'running'),
    ]);
  });

  it('runs around the clock on a 24×7 calendar', () => {
    const clock = computeTicketClock(
      [created('2026-03-07T22:00:00Z')],
      { firstResponseMinutes: 15, resolutionMinutes: 240 },
      ALWAYS_OPEN,
      at('2026-03-07T23:00:00Z'),
    );
    expect(clock.resolution).toMatchObject({ elapsedMinutes: 60, dueAt: at('2026-03-08T02:00:00Z') });
    expect(clock.segments).toEqual([segment('2026-03-07T22:00:00Z', '2026-03-07T23:00:00Z', 'running')]);
  });

  describe('maintenance (absolute due time, no response target)', () => {
    const p: ClockPolicy = {
      firstResponseMinutes: null,
      resolutionMinutes: null,
      resolutionDueAt: at('2026-03-06T17:00:00-05:00'),
    };
    const events = [
      created('2026-03-02T09:00:00-05:00'),
      status('2026-03-03T09:00:00-05:00', 'waiting_on_vendor'),
      status('2026-03-04T09:00:00-05:00', 'in_progress'),
    ];

    it('is on time when resolved by the due date, whatever the pauses', () => {
      const clock = computeTicketClock(
        [...events, status('2026-03-06T12:00:00-05:00', 'resolved')],
        p,
        cal,
        at('2026-03-09T12:00:00-04:00'),
      );
      expect(clock.firstResponse).toBeNull();
      expect(clock.resolution).toEqual({
        targetMinutes: 2640,
        elapsedMinutes: 1800,
        pausedMinutes: 540,
        remainingMinutes: 300,
        dueAt: at('2026-03-06T17:00:00-05:00'),
        state: 'met',
        breached: false,
        breachedAt: null,
        stoppedAt: at('2026-03-06T12:00:00-05:00'),
      });
    });

    it('is late when resolved after the due date, and keeps its due date while paused', () => {
      const late = computeTicketClock(
        [...events, status('2026-03-09T10:00:00-04:00', 'resolved')],
        p,
        cal,
        at('2026-03-09T12:00:00-04:00'),
      );
      expect(late.resolution).toMatchObject({
        state: 'breached',
        breachedAt: at('2026-03-06T17:00:00-05:00'),
        remainingMinutes: -120,
      });
      const paused = computeTicketClock(events.slice(0, 2), p, cal, at('2026-03-03T12:00:00-05:00'));
      expect(paused.resolution).toMatchObject({ state: 'paused', dueAt: at('2026-03-06T17:00:00-05:00') });
    });
  });

  describe('escalations', () => {
    const p: ClockPolicy = {
      firstResponseMinutes: 60,
      resolutionMinutes: 480,
      escalations: [
        { target: 'resolution', percent: 75, level: 1 },
        { target: 'resolution', percent: 100, level: 2 },
        { target: 'resolution', percent: 150, level: 3 },
        { target: 'first_response', percent: 100, level: 1 },
      ],
    };
    const start = created('2026-03-02T09:00:00-05:00');

    it('places each level at its share of the target on the business clock', () => {
      const clock = computeTicketClock(
        [start, firstResponse('2026-03-02T09:05:00-05:00')],
        p,
        cal,
        at('2026-03-02T16:00:00-05:00'),
      );
      expect(clock.escalations).toEqual([
        { target: 'first_response', level: 1, percent: 100, dueAt: null, reached: false },
        { target: 'resolution', level: 1, percent: 75, dueAt: at('2026-03-02T15:00:00-05:00'), reached: true },
        { target: 'resolution', level: 2, percent: 100, dueAt: at('2026-03-02T17:00:00-05:00'), reached: false },
        { target: 'resolution', level: 3, percent: 150, dueAt: at('2026-03-03T12:00:00-05:00'), reached: false },
      ]);
      expect(clock.nextEscalationAt).toEqual(at('2026-03-02T17:00:00-05:00'));
    });

    it('reaches a level at its instant', () => {
      const clock = computeTicketClock([start], p, cal, at('2026-03-02T10:00:00-05:00'));
      expect(clock.escalations[0]).toEqual({
        target: 'first_response',
        level: 1,
        percent: 100,
        dueAt: at('2026-03-02T10:00:00-05:00'),
        reached: true,
      });
      expect(clock.firstResponse!.breached).toBe(false);
    });

    it('has no level instant while paused, and shifts the levels by the paused time', () => {
      const paused = computeTicketClock(
        [start, firstResponse('2026-03-02T09:05:00-05:00'), status('2026-03-02T14:00:00-05:00', 'waiting_on_requester')],
        p,
        cal,
        at('2026-03-02T16:00:00-05:00'),
      );
      expect(paused.escalations.filter((e) => e.target === 'resolution').map((e) => e.dueAt)).toEqual([null, null, null]);
      expect(paused.nextEscalationAt).toBeNull();

      const resumed = computeTicketClock(
        [
          start,
          firstResponse('2026-03-02T09:05:00-05:00'),
          status('2026-03-02T14:00:00-05:00', 'waiting_on_requester'),
          status('2026-03-03T09:00:00-05:00', 'in_progress'),
        ],
        p,
        cal,
        at('2026-03-03T09:30:00-05:00'),
      );
      expect(resumed.resolution).toMatchObject({ pausedMinutes: 240, dueAt: at('2026-03-03T12:00:00-05:00') });
      expect(resumed.escalations.filter((e) => e.target === 'resolution').map((e) => e.dueAt)).toEqual([
        at('2026-03-03T10:00:00-05:00'),
        at('2026-03-03T12:00:00-05:00'),
        at('2026-03-03T16:00:00-05:00'),
      ]);
      expect(resumed.nextEscalationAt).toEqual(at('2026-03-03T10:00:00-05:00'));
    });
  });

  describe('next response', () => {
    const p: ClockPolicy = { ...policy, nextResponseMinutes: 60 };

    it('runs from each requester reply to the next agent reply and remembers any breached cycle', () => {
      const clock = computeTicketClock(
        [
          created('2026-03-02T09:00:00-05:00'),
          agentReply('2026-03-02T09:10:00-05:00'),
          requesterReply('2026-03-02T10:00:00-05:00'),
          agentReply('2026-03-02T11:30:00-05:00'),
          requesterReply('2026-03-02T13:00:00-05:00'),
          requesterReply('2026-03-02T13:05:00-05:00'),
          agentReply('2026-03-02T13:20:00-05:00'),
        ],
        p,
        cal,
        at('2026-03-02T14:00:00-05:00'),
      );
      // A public agent reply is a first response too.
      expect(clock.firstResponse).toMatchObject({ state: 'met', elapsedMinutes: 10 });
      expect(clock.nextResponseCycles).toBe(2);
      expect(clock.nextResponseBreached).toBe(true);
      expect(clock.nextResponse).toMatchObject({ state: 'met', elapsedMinutes: 20, breached: false });
    });

    it('leaves replies before the first response to the first-response clock', () => {
      const clock = computeTicketClock(
        [
          created('2026-03-02T09:00:00-05:00'),
          requesterReply('2026-03-02T09:05:00-05:00'),
          agentReply('2026-03-02T09:30:00-05:00'),
        ],
        p,
        cal,
        at('2026-03-02T10:00:00-05:00'),
      );
      expect(clock.nextResponseCycles).toBe(0);
      expect(clock.nextResponse).toBeNull();
    });

    it('contributes its due time while a cycle runs', () => {
      const clock = computeTicketClock(
        [
          created('2026-03-02T09:00:00-05:00'),
          firstResponse('2026-03-02T09:10:00-05:00'),
          requesterReply('2026-03-02T13:00:00-05:00'),
        ],
        p,
        cal,
        at('2026-03-02T13:30:00-05:00'),
      );
      expect(clock.nextResponse).toMatchObject({ state: 'running', dueAt: at('2026-03-02T14:00:00-05:00') });
      expect(clock.dueAt).toEqual(at('2026-03-02T14:00:00-05:00'));
    });
  });

  it('is bounded by now, deterministic, and indifferent to the order of the input', () => {
    const events = [
      created('2026-03-02T09:00:00-05:00'),
      status('2026-03-02T09:30:00-05:00', 'in_progress'),
      firstResponse('2026-03-02T09:30:00-05:00'),
      status('2026-03-02T15:00:00-05:00', 'resolved'),
    ];
    const now = at('2026-03-02T12:00:00-05:00');
    const clock = computeTicketClock(events, policy, cal, now);
    expect(clock.resolution).toMatchObject({ state: 'running', elapsedMinutes: 180 });
    expect(computeTicketClock([...events].reverse(), policy, cal, now)).toEqual(clock);
    expect(computeTicketClock(events, policy, cal, now)).toEqual(clock);

    const beforeCreation = computeTicketClock(events, policy, cal, at('2026-03-01T12:00:00-05:00'));
    expect(beforeCreation.resolution).toMatchObject({ elapsedMinutes: 0, dueAt: at('2026-03-02T17:00:00-05:00') });
  });

  it('caps the timeline of a very long ticket', () => {
    const clock = computeTicketClock(
      [created('2026-01-05T09:00:00-05:00')],
      { firstResponseMinutes: null, resolutionMinutes: 200_000 },
      cal,
      at('2028-01-05T09:00:00-05:00'),
    );
    const segments = clock.segments;
    expect(segments.length).toBeLessThanOrEqual(SEGMENT_CAP + 1);
    expect(segments[0]!.from).toEqual(at('2026-01-05T09:00:00-05:00'));
    expect(segments[segments.length - 1]!.to).toEqual(at('2028-01-05T09:00:00-05:00'));
    for (let i = 1; i < segments.length; i++) expect(segments[i]!.from).toEqual(segments[i - 1]!.to);
    expect(clock.resolution).toMatchObject({ state: 'running', breached: true });
  });

  it('refuses a history without a created event and a malformed policy', () => {
    expect(() => computeTicketClock([], policy, cal, at('2026-03-02T12:00:00Z'))).toThrow(SlaError);
    expect(() =>
      computeTicketClock(
        [created('2026-03-02T09:00:00Z')],
        { firstResponseMinutes: -5, resolutionMinutes: 10 },
        cal,
        at('2026-03-02T12:00:00Z'),
      ),
    ).toThrow(/firstResponseMinutes/);
  });
});
