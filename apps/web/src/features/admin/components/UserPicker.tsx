import { SearchSelect } from '../../../components/ui/SearchSelect';
import { userSearchQueryOptions } from '../api/admin.queries';

export interface PickedUser {
  id: string;
  name: string;
}

interface UserPickerProps {
  label: string;
  description?: string;
  value: PickedUser | null;
  onChange: (user: PickedUser | null) => void;
  error?: string;
}

/** An active user, found by typing a name or e-mail (the API searches). */
export function UserPicker({ label, description, value, onChange, error }: UserPickerProps) {
  return (
    <SearchSelect
      label={label}
      description={description}
      placeholder="Nobody: type a name or e-mail"
      value={value}
      onChange={(user) => onChange(user ? { id: user.id, name: user.name } : null)}
      search={userSearchQueryOptions}
      optionLabel={(user) => user.name}
      // Names repeat in a city's workforce; the e-mail tells two Jane Does apart.
      optionDetail={(user) => user.email}
      nothingFound="Nobody matches"
      error={error}
    />
  );
}
