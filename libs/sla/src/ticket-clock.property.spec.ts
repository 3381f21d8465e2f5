import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { addBusinessMinutes, businessMinutesBetween } from './business-time.js';
import { type Calendar } from './calendar.types.js';
import { officeHours, splitDay } from './testing/calendars.js';
import { computeTicketClock } from './ticket-clock.js';
import { type ClockEvent, type TicketStatus } from './ticket-clock.types.js';

const MINUTE = 60_000;
const calendars: Calendar[] = [
  officeHours('America/New_York', [{ date: '2026-07-04', name: 'Independence Day', yearly: true, observed: true }]),
  splitDay('Europe/Berlin', [{ date: '2026-12-25', name: 'Weihnachten', yearly: true }]),
  {
    timeZone: 'Australia/Sydney',
    windows: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day: day as 0, start: '00:00', end: '24:00' })),
    holidays: [],
  },
];
const OPEN_OR_WAITING: TicketStatus[] = ['assigned', 'in_progress', 'waiting_on_requester', 'waiting_on_vendor'];

/** A ticket moving between open and waiting statuses (never resolved), with the gaps between moves. */
const history = fc.record({
  cal: fc.constantFrom(...calendars),
  created: fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }),
  moves: fc.array(fc.tuple(fc.integer({ min: 0, max: 5 * 1440 }), fc.constantFrom(...OPEN_OR_WAITING)), { maxLength: 12 }),
  tail: fc.integer({ min: 0, max: 5 * 1440 }),
  target: fc.integer({ min: 1, max: 20_000 }),
});

describe('ticket clock properties', () => {
  it('splits the business time since creation into elapsed and paused, and is due at start + target + paused', () => {
    fc.assert(
      fc.property(history, ({ cal, created, moves, tail, target }) => {
        const events: ClockEvent[] = [{ type: 'created', at: created }];
        let t = created.getTime();
        for (const [gap, to] of moves) {
          t += gap * MINUTE;
          events.push({ type: 'status', at: new Date(t), to });
        }
        const now = new Date(t + tail * MINUTE);
        const clock = computeTicketClock(events, { firstResponseMinutes: null, resolutionMinutes: target }, cal, now);
        const r = clock.resolution!;
        expect(r.elapsedMinutes + r.pausedMinutes).toBe(businessMinutesBetween(created, now, cal));
        expect(r.remainingMinutes).toBe(target - r.elapsedMinutes);
        if (r.state === 'running' && !r.breached) {
          expect(r.dueAt).toEqual(addBusinessMinutes(created, target + r.pausedMinutes, cal));
        }
        if (r.state === 'paused' && r.remainingMinutes > 0) expect(r.dueAt).toBeNull();
        // The timeline covers creation to now without gaps.
        const segments = clock.segments;
        if (segments.length > 0) {
          expect(segments[0]!.from.getTime()).toBe(Math.floor(created.getTime() / MINUTE) * MINUTE);
          expect(segments[segments.length - 1]!.to.getTime()).toBe(Math.floor(now.getTime() / MINUTE) * MINUTE);
          for (let i = 1; i < segments.length; i++) {
            expect(segments[i]!.from).toEqual(segments[i - 1]!.to);
            expect(segments[i]!.state).not.toBe(segments[i - 1]!.state);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
