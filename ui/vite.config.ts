import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  plugins: [svelte()],
  // Relative asset paths: the desktop shell serves the built files itself.
  base: './',
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
  server: { fs: { allow: ['..'] } },
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  test: {
    environment: 'jsdom',
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    // Each test starts the real core (`amparo serve`) and waits on it.
    testTimeout: 20_000,
  },
});
