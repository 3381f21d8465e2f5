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
 * Replacement cycles in years, the defaults of the `assetLifecycleYears` setting (an admin may
 * change them): workstations 4, laptops 3, servers 5, network gear 7, printers 5, phones 4,
 * in-car computers 4; the other types follow common public-sector refresh practice.
 */
export const DEFAULT_LIFECYCLE_YEARS: Record<AssetType, number> = {
  desktop: 4,
  laptop: 3,
  tablet: 3,
  mobile_phone: 4,
  desk_phone: 4,
  printer: 5,
  server: 5,
  storage: 5,
  network_switch: 7,
  router: 7,
  firewall: 7,
  wireless_access_point: 7,
  ups: 4,
  mobile_data_terminal: 4,
  radio: 8,
  camera: 6,
  software: 3,
  other: 5,
};
