import { FactList } from '../../../components/ui/FactList';
import type { AssetDetail } from '../../../lib/api/api-types';
import { replacementWords } from '../../../lib/assets/asset-lifecycle';
import { countOf } from '../../../lib/text/count-of';
import { formatMonths } from '../../../lib/time/durations';
import { formatDate, formatDateTime } from '../../../lib/time/format-date';
import { ReplacementDue } from './AssetBadges';

/** Age, replacement date and how far off it is, as the API reckons them on the city's today. */
export function AssetLifecycleFacts({ asset }: { asset: AssetDetail }) {
  const { lifecycle } = asset;
  const retired = asset.status === 'retired';
  return (
    <FactList
      label="Asset lifecycle"
      facts={[
        ['Purchased', asset.purchaseDate ? formatDate(asset.purchaseDate) : '—'],
        ['Age', lifecycle.ageMonths !== null ? formatMonths(lifecycle.ageMonths) : '—'],
        ['Replacement cycle', countOf(asset.lifecycleYears, 'year', 'years')],
        [
          'Replacement due',
          // Once retired, the date is history rather than a warning.
          <ReplacementDue date={lifecycle.replacementDue} overdue={!retired && lifecycle.replacementOverdue === true} />,
        ],
        [
          retired ? 'Retired' : 'Months to replacement',
          retired
            ? asset.retiredAt
              ? formatDateTime(asset.retiredAt)
              : 'Yes'
            : (replacementWords(lifecycle) ?? 'Unknown without a purchase date'),
        ],
      ]}
    />
  );
}
