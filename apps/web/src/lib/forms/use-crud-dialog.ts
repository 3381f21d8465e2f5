import { useState } from 'react';

/**
 * Which dialog an admin list has open, and for which record: the create/edit form ("form", with
 * no record when creating) or one of the page's own (`Extra`, e.g. "members").
 */
export function useCrudDialog<T, Extra extends string = never>() {
  type Kind = 'form' | Extra;
  const [dialog, setDialog] = useState<{ kind: Kind | 'closed'; record: T | null }>({ kind: 'closed', record: null });

  return {
    create: () => setDialog({ kind: 'form', record: null }),
    edit: (record: T) => setDialog({ kind: 'form', record }),
    open: (kind: Extra, record: T | null = null) => setDialog({ kind, record }),
    close: () => setDialog({ kind: 'closed', record: null }),
    isOpen: (kind: Kind) => dialog.kind === kind,
    /** The record a dialog of this kind is open for; null when it is closed (or creating). */
    recordFor: (kind: Kind): T | null => (dialog.kind === kind ? dialog.record : null),
  };
}
