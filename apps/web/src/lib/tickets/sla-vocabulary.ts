import type { EscalationAction, SlaMatchReason, SlaSegmentState, SlaState, SlaTarget, SlaTargetState } from '../api/api-types';

// Records keyed by the API's enums: a value added to the API fails the type check here until it has words.

interface StateWords {
  label: string;
  color: string;
  /** Shown beside the words (never instead of them), so the state does not rest on colour. */
  glyph: string;
}

const SLA_STATE_WORDS: Record<Exclude<SlaState, 'none'>, StateWords> = {
  on_time: { label: 'On time', color: 'teal', glyph: '●' },
  at_risk: { label: 'At risk', color: 'orange', glyph: '▲' },
  breached: { label: 'Breached', color: 'red', glyph: '✕' },
  paused: { label: 'Paused', color: 'gray', glyph: '‖' },
  met: { label: 'Met', color: 'green', glyph: '✓' },
};

/** How a ticket stands against its SLA, in words, colour and a glyph. */
export function slaStateWords(state: Exclude<SlaState, 'none'>): StateWords {
  return SLA_STATE_WORDS[state];
}

const TARGET_LABELS: Record<SlaTarget, string> = {
  first_response: 'First response',
  resolution: 'Resolution',
  next_response: 'Next response',
};

export const SLA_TARGETS = Object.keys(TARGET_LABELS) as SlaTarget[];

export function slaTargetLabel(target: SlaTarget): string {
  return TARGET_LABELS[target];
}

const TARGET_STATE_WORDS: Record<SlaTargetState, Omit<StateWords, 'glyph'>> = {
  running: { label: 'Running', color: 'blue' },
  paused: { label: 'Paused', color: 'gray' },
  met: { label: 'Met', color: 'green' },
  breached: { label: 'Breached', color: 'red' },
  canceled: { label: 'Canceled', color: 'gray' },
};

export function slaTargetStateWords(state: SlaTargetState): Omit<StateWords, 'glyph'> {
  return TARGET_STATE_WORDS[state];
}

const SEGMENT_LABELS: Record<SlaSegmentState, string> = {
  running: 'Clock running',
  paused: 'Paused',
  outside_hours: 'Outside business hours',
  stopped: 'Stopped',
};

export const SLA_SEGMENT_STATES = Object.keys(SEGMENT_LABELS) as SlaSegmentState[];

export function slaSegmentLabel(state: SlaSegmentState): string {
  return SEGMENT_LABELS[state];
}

const MATCH_REASONS: Record<SlaMatchReason, string> = {
  created: 'when the ticket was filed',
  priority: 'after the priority changed',
  department: 'after the department changed',
  category: 'after the category changed',
  escalation: 'after an escalation raised the priority',
};

export const SLA_MATCH_REASONS = Object.keys(MATCH_REASONS) as SlaMatchReason[];

/** Why a policy was (re)applied: "after the priority changed". */
export function slaMatchReasonWords(reason: SlaMatchReason): string {
  return MATCH_REASONS[reason];
}

const ACTION_WORDS: Record<EscalationAction, { planned: string; done: string }> = {
  notify_assignee: { planned: 'notify the assignee', done: 'notified the assignee' },
  notify_queue_lead: { planned: 'notify the queue lead', done: 'notified the queue lead' },
  notify_managers: { planned: 'notify managers', done: 'notified managers' },
  raise_priority: { planned: 'raise priority', done: 'raised priority' },
};

export const ESCALATION_ACTIONS = Object.keys(ACTION_WORDS) as EscalationAction[];

/** "notified the queue lead, raised priority" once fired; "notify the queue lead, raise priority" before. */
export function escalationActionWords(actions: readonly EscalationAction[], fired: boolean): string {
  return actions.map((action) => ACTION_WORDS[action][fired ? 'done' : 'planned']).join(', ');
}
