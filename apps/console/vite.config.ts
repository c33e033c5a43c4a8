import { defineConfig } from 'vite';

// Served by the audit service at /console/ (CONTRACT §6); the API it calls is on the same origin.
export default defineConfig({
  base: '/console/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1200 },
  server: { proxy: { '/v1': process.env.OPTLINE_AUDIT_URL ?? 'http://127.0.0.1:8085' } },
});
