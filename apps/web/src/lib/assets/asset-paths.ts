/** The address of an asset's page, shared by the screens that link to it and the router. */
export const ASSET_PATH_PATTERN = '/assets/:id';

export function assetPath(id: string): string {
  return `/assets/${encodeURIComponent(id)}`;
}
