import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/svelte';
import { afterEach } from 'vitest';
import { setLocale } from '../src/i18n/index.svelte';

// jsdom has no layout and no ResizeObserver; `bind:clientWidth` needs one.
// Elements keep the size 0, and components fall back to their defaults.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

// Answers come from the real core in another process, which a busy
// machine (the suite runs files in parallel) can slow past the 1 s default.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  setLocale('en');
});
