// Builds the console into web/dist: every asset local (no CDN), hashed file names under assets/.
// `node node_modules/vite/bin/vite.js build web` from the project root (or `--config web/vite.config.mts`).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: path.join(here, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 800,
  },
  server: {
    host: '127.0.0.1',
    fs: { allow: [path.join(here, '..')] },
    proxy: { '/api': process.env.CATS_GATEWAY_URL ?? 'http://127.0.0.1:7200', '/health': process.env.CATS_GATEWAY_URL ?? 'http://127.0.0.1:7200' },
  },
  preview: { host: '127.0.0.1' },
});
