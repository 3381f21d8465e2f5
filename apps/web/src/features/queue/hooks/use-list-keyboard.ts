import { useEffect, useState, type RefObject } from 'react';

const TEXT_ENTRY = 'input, textarea, select, [contenteditable="true"], [role="combobox"], [role="listbox"]';

interface ListKeyboardOptions {
  count: number;
  /** The list's element: arrow keys and Enter act when focus is on the page body or in here. */
  containerRef: RefObject<HTMLElement | null>;
  onOpen: (index: number) => void;
}

/**
 * j / k or ↓ / ↑ move the selection through a list, Enter opens the selected item. Typing in a
 * field never triggers them, and arrows and Enter keep their usual meaning on other controls.
 */
export function useListKeyboard({ count, containerRef, onOpen }: ListKeyboardOptions) {
  const [selected, setSelected] = useState(0);
  const index = count === 0 ? -1 : Math.min(selected, count - 1);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || count === 0) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target?.closest(TEXT_ENTRY)) return;
      const inList = !target || target === document.body || (containerRef.current?.contains(target) ?? false);
      const onControl = target?.closest('a, button, [role="tab"], [role="button"]') !== null && target !== null;
      const move = (step: number) => {
        event.preventDefault();
        setSelected(Math.max(0, Math.min(count - 1, index + step)));
      };
      switch (event.key) {
        case 'j':
          move(1);
          break;
        case 'k':
          move(-1);
          break;
        case 'ArrowDown':
          if (inList && !onControl) move(1);
          break;
        case 'ArrowUp':
          if (inList && !onControl) move(-1);
          break;
        case 'Enter':
          if (inList && !onControl && index >= 0) {
            event.preventDefault();
            onOpen(index);
          }
          break;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [count, index, containerRef, onOpen]);

  return { selected: index, select: setSelected };
}
