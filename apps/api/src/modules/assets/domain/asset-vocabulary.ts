export const ASSET_TYPES = [
  'desktop',
  'laptop',
  'tablet',
  'mobile_phone',
  'desk_phone',
  'printer',
  'server',
  'storage',
  'network_switch',
  'router',
  'firewall',
  'wireless_access_point',
  'ups',
  'mobile_data_terminal',
  'radio',
  'camera',
  'software',
  'other',
] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

export const ASSET_STATUSES = ['in_service', 'in_repair', 'retired'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

/**
 * Typical replacement cycles used when an asset is recorded without one (years). Common public
 * sector refresh practice: end-user devices 4-5 years, network gear longer, batteries and rugged
 * mobile devices shorter.
 */
export const DEFAULT_LIFECYCLE_YEARS: Record<AssetType, number> = {
  desktop: 5,
  laptop: 4,
  tablet: 3,
  mobile_phone: 3,
  desk_phone: 7,
  printer: 5,
  server: 5,
  storage: 5,
  network_switch: 7,
  router: 7,
  firewall: 5,
  wireless_access_point: 5,
  ups: 4,
  mobile_data_terminal: 4,
  radio: 8,
  camera: 6,
  software: 3,
  other: 5,
};
