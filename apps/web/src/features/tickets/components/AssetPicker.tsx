import { SearchSelect } from '../../../components/ui/SearchSelect';
import { assetSearchQueryOptions } from '../../../lib/reference-data/reference-data.queries';

export interface PickedAsset {
  id: string;
  tag: string;
  name: string;
}

interface AssetPickerProps {
  label: string;
  description?: string;
  value: PickedAsset | null;
  onChange: (asset: PickedAsset | null) => void;
  /** Only this department's assets (the requester's own). */
  departmentId?: string | null;
  error?: string;
}

/** A device or system, found by typing its tag, name or serial (the API searches). */
export function AssetPicker({ label, description, value, onChange, departmentId, error }: AssetPickerProps) {
  return (
    <SearchSelect
      label={label}
      description={description}
      placeholder="Type a tag or name"
      loadingPlaceholder="Loading devices…"
      value={value}
      onChange={(asset) => onChange(asset ? { id: asset.id, tag: asset.tag, name: asset.name } : null)}
      search={(q) => assetSearchQueryOptions({ ...(q ? { q } : {}), ...(departmentId ? { departmentId } : {}) })}
      optionLabel={(asset) => `${asset.tag} · ${asset.name}`}
      nothingFound="No device matches"
      error={error}
    />
  );
}
