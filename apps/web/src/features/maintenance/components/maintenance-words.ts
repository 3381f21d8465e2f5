import type { FanOut, MaintenanceMode, MaintenancePlan } from '../api/maintenance-types';

// Records keyed by the API's enums: a value added to the API fails the type check here until it has words.

const MODE_WORDS: Record<MaintenanceMode, { label: string; hint: string }> = {
  fixed: { label: 'Fixed dates', hint: 'Due on the dates the schedule gives, done or not.' },
  after_completion: { label: 'After completion', hint: 'Due a number of days after the last one was resolved.' },
  replacement: { label: 'Asset replacement', hint: 'Due on each asset’s replacement date (purchase date + lifecycle).' },
};

export const MODE_OPTIONS = (Object.keys(MODE_WORDS) as MaintenanceMode[]).map((value) => ({
  value,
  label: MODE_WORDS[value].label,
}));

export function modeLabel(mode: MaintenanceMode): string {
  return MODE_WORDS[mode].label;
}

export function modeHint(mode: MaintenanceMode): string {
  return MODE_WORDS[mode].hint;
}

const FAN_OUT_LABELS: Record<FanOut, string> = {
  none: 'One ticket per occurrence',
  assets: 'One ticket per listed asset',
  asset_type: 'One ticket per in-service asset of a type',
};

export const FAN_OUT_OPTIONS = (Object.keys(FAN_OUT_LABELS) as FanOut[]).map((value) => ({
  value,
  label: FAN_OUT_LABELS[value],
}));

/** When a plan's work falls due, in words: the rule's own text for fixed dates. */
export function scheduleWords(plan: Pick<MaintenancePlan, 'mode' | 'ruleText' | 'dueTime' | 'intervalDays'>): string {
  switch (plan.mode) {
    case 'fixed':
      return `${plan.ruleText} at ${plan.dueTime}`;
    case 'after_completion':
      return `${plan.intervalDays ?? '?'} days after the last one is resolved`;
    case 'replacement':
      return 'On each asset’s replacement date';
  }
}
