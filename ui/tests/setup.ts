import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/svelte';
import { afterEach } from 'vitest';
import { setLocale } from '../src/i18n/index.svelte';

afterEach(() => {
  cleanup();
  setLocale('en');
});
