/** Field limits shared by the API's DTOs and the CSV import, so both refuse the same values. */
export const ASSET_LIMITS = {
  tag: 64,
  name: 200,
  location: 200,
  serial: 120,
  /** The database's assets_lifecycle_years_check. */
  lifecycleYearsMin: 1,
  lifecycleYearsMax: 50,
} as const;
