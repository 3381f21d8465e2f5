import { useCallback, useState } from 'react';

/** How far below the fold a chart starts drawing, so it is there by the time it is scrolled to. */
const AHEAD = '400px 0px';

/**
 * Whether an element has come near the viewport (and stays true once it has): charts below the
 * fold wait until they are about to be seen, so the first screen draws sooner. Without
 * IntersectionObserver (or when `always`), everything draws at once.
 */
export function useNearViewport<T extends Element>(always: boolean): [(element: T | null) => void, boolean] {
  const [seen, setSeen] = useState(always || typeof IntersectionObserver === 'undefined');
  const ref = useCallback(
    (element: T | null) => {
      if (!element || seen) return undefined;
      const observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) {
            setSeen(true);
            observer.disconnect();
          }
        },
        { rootMargin: AHEAD },
      );
      observer.observe(element);
      return () => observer.disconnect();
    },
    [seen],
  );
  return [ref, seen];
}
