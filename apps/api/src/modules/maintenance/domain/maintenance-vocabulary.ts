export const MAINTENANCE_MODES = ['fixed', 'after_completion', 'replacement'] as const;
/** fixed: on the rule's dates; after_completion: N days after the last occurrence was resolved; replacement: an asset's replacement date. */
export type MaintenanceMode = (typeof MAINTENANCE_MODES)[number];

export const FAN_OUTS = ['none', 'assets', 'asset_type'] as const;
/** none: one ticket per occurrence; assets: one per listed asset; asset_type: one per in-service asset of a type in a department. */
export type FanOut = (typeof FAN_OUTS)[number];
