import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';

// The console's browser app. Root is this folder; the BFF (services/console/src) serves dist/ and the API.
const root = fileURLToPath(new URL('.', import.meta.url));
const bff = process.env.CONSOLE_BFF_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  base: '/',
  // brotli and gzip copies of every text asset, which the gateway serves to browsers that take them
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024, logLevel: 'silent' })],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // which chunks each screen loads: bench/console-load.bench.mjs reads it
    manifest: true,
    // the budget that matters is the login page's (bench/console-load.bench.mjs measures it); big page chunks load on demand
    chunkSizeWarningLimit: 1200,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    // the BFF: /api/session, /api/<service>/…, /api/stream (SSE), /api/export
    proxy: { '/api': { target: bff, changeOrigin: false } },
    fs: { allow: [fileURLToPath(new URL('../../..', import.meta.url))] },
  },
});
