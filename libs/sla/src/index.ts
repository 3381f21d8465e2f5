export { type Calendar, type Holiday, type Weekday, type WeeklyWindow } from './calendar.types.js';
export { ALWAYS_OPEN, calendar24x7 } from './calendar.presets.js';
export { validateCalendar } from './calendar.validation.js';
export { addBusinessMinutes, businessMinutesBetween, isBusinessTime, nextBusinessInstant } from './business-time.js';
export { computeTicketClock, SEGMENT_CAP } from './ticket-clock.js';
export {
  type ClockEvent,
  type ClockPolicy,
  type ClockSegment,
  DEFAULT_PAUSE_STATUSES,
  type EscalationRule,
  type EscalationState,
  type SegmentState,
  type SlaTargetName,
  type TargetClock,
  type TargetState,
  type TicketClock,
  TICKET_STATUSES,
  type TicketStatus,
} from './ticket-clock.types.js';
export { SlaError, type SlaErrorCode } from './sla.errors.js';
export { isValidTimeZone } from './time-zone.js';
