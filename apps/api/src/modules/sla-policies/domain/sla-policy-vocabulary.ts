import type { SlaTargetName } from '@civicdesk/sla';

export const SLA_TARGETS = ['first_response', 'resolution', 'next_response'] as const satisfies readonly SlaTargetName[];

export const ESCALATION_ACTIONS = ['notify_assignee', 'notify_queue_lead', 'notify_managers', 'raise_priority'] as const;
export type EscalationAction = (typeof ESCALATION_ACTIONS)[number];

/** One escalation level of a policy version, as stored in `sla_policy_versions.escalations`. */
export interface PolicyEscalation {
  target: SlaTargetName;
  /** Share of the target's business minutes, 1..1000 %. */
  percent: number;
  level: number;
  actions: EscalationAction[];
}

export const MAX_TARGET_MINUTES = 10_000_000;
