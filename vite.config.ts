import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { compression } from 'vite-plugin-compression2';
import { defineConfig } from 'vitest/config';

// One config for the SPA build (root admin/, output dist/admin) and for the tests.
export default defineConfig({
  root: 'admin',
  // Each asset is also written brotli- and gzip-compressed, served as it is (no compressing per request).
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024, logLevel: 'silent' })],
  resolve: {
    // react-admin's translations (node-polyglot) ask for an Object.entries polyfill; the browser's own does.
    alias: { 'object.entries': fileURLToPath(new URL('admin/src/shims/objectEntries.cjs', import.meta.url)) },
  },
  build: {
    outDir: '../dist/admin',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // Everything the entry loads statically in one file, the entry itself. Left to itself rolldown
        // spread it over a dozen chunks shared with the lazy screens, each compressed on its own:
        // together 10 kB gzip more, and as many requests before the login page can draw.
        codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/globalSetup.ts'],
    // The demo's pack, whatever the shell says; files serving another database choose theirs (vi.hoisted).
    env: { GATEHOUSE_PACK: 'permissions/packs/ombaro/pack.json' },
    reporters: ['default', './tests/support/summaryReporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // A screen waited on while another suite loads both cores can take seconds, not the 1 s default.
    expect: { poll: { timeout: 20_000, interval: 100 } },
    pool: 'forks',
    maxWorkers: 2,
    fileParallelism: true,
  },
});
