import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The dashboard builds to apps/web/dist, which `segmint serve` serves at `/`. */
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 5000 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/health': 'http://127.0.0.1:8080' } },
});
