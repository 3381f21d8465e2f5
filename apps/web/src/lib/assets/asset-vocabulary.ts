import type { Asset } from '../api/api-types';

export type AssetType = Asset['type'];
export type AssetStatus = Asset['status'];

const TYPE_LABELS: Record<AssetType, string> = {
  desktop: 'Desktop',
  laptop: 'Laptop',
  tablet: 'Tablet',
  mobile_phone: 'Mobile phone',
  desk_phone: 'Desk phone',
  printer: 'Printer',
  server: 'Server',
  storage: 'Storage',
  network_switch: 'Network switch',
  router: 'Router',
  firewall: 'Firewall',
  wireless_access_point: 'Wireless access point',
  ups: 'UPS',
  mobile_data_terminal: 'Mobile data terminal',
  radio: 'Radio',
  camera: 'Camera',
  software: 'Software',
  other: 'Other',
};

export const ASSET_TYPE_OPTIONS = (Object.keys(TYPE_LABELS) as AssetType[]).map((value) => ({
  value,
  label: TYPE_LABELS[value],
}));

export function assetTypeLabel(type: AssetType): string {
  return TYPE_LABELS[type];
}

const STATUS_LABELS: Record<AssetStatus, string> = { in_service: 'In service', in_repair: 'In repair', retired: 'Retired' };

export const ASSET_STATUS_OPTIONS = (Object.keys(STATUS_LABELS) as AssetStatus[]).map((value) => ({
  value,
  label: STATUS_LABELS[value],
}));

export function assetStatusLabel(status: AssetStatus): string {
  return STATUS_LABELS[status];
}
