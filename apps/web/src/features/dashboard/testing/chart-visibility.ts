import { afterEach } from '@jest/globals';

/**
 * Charts draw once they near the viewport (IntersectionObserver, which jsdom lacks). Drawing a
 * dozen recharts charts in jsdom is slow, so most tests keep them off screen and read the
 * tables; `chartsInView()` draws them for the tests about the charts themselves.
 */
const original = Object.getOwnPropertyDescriptor(window, 'IntersectionObserver');

afterEach(() => {
  if (original) Object.defineProperty(window, 'IntersectionObserver', original);
  else delete (window as { IntersectionObserver?: unknown }).IntersectionObserver;
});

function install(seen: boolean): void {
  class Observer {
    constructor(private readonly callback: IntersectionObserverCallback) {}
    observe(target: Element): void {
      if (seen)
        this.callback([{ isIntersecting: true, target } as IntersectionObserverEntry], this as unknown as IntersectionObserver);
    }
    unobserve(): void {}
    disconnect(): void {}
    takeRecords(): IntersectionObserverEntry[] {
      return [];
    }
  }
  Object.defineProperty(window, 'IntersectionObserver', { configurable: true, writable: true, value: Observer });
}

/** Every chart is below the fold: only its summary shows. */
export const chartsOffScreen = () => install(false);

/** Every chart is in view, and draws. */
export const chartsInView = () => install(true);
