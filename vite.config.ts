import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { gzipAsync, type ZopfliOptions } from '@gfx/zopfli';
import { compression } from 'vite-plugin-compression2';
import type { InputType } from 'node:zlib';
import { defineConfig } from 'vitest/config';

/** Zopfli's gzip, in the shape the compression plugin calls an algorithm. */
async function zopfliGzip(data: InputType, options: ZopfliOptions): Promise<Buffer> {
  const bytes = typeof data === 'string' ? data : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
  return Buffer.from(await gzipAsync(bytes, options));
}

// One config for the SPA build (root admin/, output dist/admin) and for the tests.
export default defineConfig({
  root: 'admin',
  // Each asset is also written brotli- and gzip-compressed, served as it is (no compressing per request).
  // The gzip copies are made by Zopfli, whose output any gzip reader takes: 3 % smaller than zlib's
  // best for a few seconds once per build, for the clients that do not take brotli.
  plugins: [
    react(),
    compression({ algorithms: ['brotliCompress', [zopfliGzip, { numiterations: 15 }]], threshold: 1024, logLevel: 'silent' }),
  ],
  resolve: {
    // react-admin's translations (node-polyglot) ask for an Object.entries polyfill; the browser's own does.
    alias: { 'object.entries': fileURLToPath(new URL('admin/src/shims/objectEntries.cjs', import.meta.url)) },
  },
  build: {
    outDir: '../dist/admin',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // The Zopfli pass is meant to take its seconds: no warning about slow plugins on every build.
      checks: { pluginTimings: false },
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
