// The idle lock: nothing happens while the window is used; after the chosen
// minutes without use it locks once; "never" never locks.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startIdleLock } from '../src/lib/idleLock';

describe('the idle lock', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('locks after the chosen minutes without use, and use puts it off', () => {
    const onIdle = vi.fn();
    const lock = startIdleLock(5, onIdle);
    vi.advanceTimersByTime(4 * 60_000);
    lock.touch();
    vi.advanceTimersByTime(4 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000 + 5_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(30 * 60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    lock.stop();
  });

  it('never locks by itself when the choice is never', () => {
    const onIdle = vi.fn();
    startIdleLock(0, onIdle);
    vi.advanceTimersByTime(24 * 60 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
