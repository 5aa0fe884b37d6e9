import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/svelte';
import { afterEach } from 'vitest';
import { setLocale } from '../src/i18n/index.svelte';

// jsdom has no layout and no ResizeObserver; `bind:clientWidth` needs one.
// Elements keep the size 0, and components fall back to their defaults.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

afterEach(() => {
  cleanup();
  setLocale('en');
});
