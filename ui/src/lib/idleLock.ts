// Locks the window after a stretch without use: any key, click, touch or
// wheel counts as use. Checked every few seconds rather than with one long
// timer, so a laptop that slept past the limit locks as soon as it wakes.

export type IdleLock = { touch(): void; stop(): void };

const CHECK_EVERY_MS = 5_000;

export function startIdleLock(minutes: number, onIdle: () => void, now: () => number = Date.now): IdleLock {
  let last = now();
  if (minutes <= 0) return { touch() {}, stop() {} };
  const limit = minutes * 60_000;
  const timer = setInterval(() => {
    if (now() - last >= limit) {
      clearInterval(timer);
      onIdle();
    }
  }, CHECK_EVERY_MS);
  return {
    touch() {
      last = now();
    },
    stop() {
      clearInterval(timer);
    },
  };
}
