// Builds the UI into dist/ (embedded by Tauri) and runs the unit tests in jsdom.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  base: './',
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
    fs: { allow: ['.', '../assets/fonts'] },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    // One stylesheet, linked from the page: a stylesheet added later, as a lazily loaded view's would
    // be, has WebKit lay out the whole page again when it holds container queries (half a second on a
    // 10,000-card journey), and that would happen the first time each such view loads.
    cssCodeSplit: false,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
  },
});
