import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { act, renderHook } from '@testing-library/react';
import { useNow } from './use-now';

describe(useNow.name, () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: Date.parse('2025-03-10T14:00:00Z') });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('ticks on one interval and stops when unmounted', () => {
    const { result, unmount } = renderHook(() => useNow(15_000));
    const start = result.current;
    expect(jest.getTimerCount()).toBe(1);

    act(() => {
      jest.advanceTimersByTime(15_000);
    });
    expect(result.current).toBe(start + 15_000);

    unmount();
    expect(jest.getTimerCount()).toBe(0);
  });
});
