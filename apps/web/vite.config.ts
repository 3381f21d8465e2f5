import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev` at the root starts the API on port 3000; point elsewhere with CIVICDESK_API_URL.
const apiTarget = process.env.CIVICDESK_API_URL ?? 'http://127.0.0.1:3000';

// Vite needs a default export here.
export default defineConfig({
  plugins: [react()],
  resolve: {
    // The business-hours clock is bundled from its TypeScript source (no build step needed first).
    alias: { '@civicdesk/sla': fileURLToPath(new URL('../../libs/sla/src/index.ts', import.meta.url)) },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': { target: apiTarget } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Minified size of the entry chunk; the budget that counts is initial JS ≤ 250 kB gzipped.
    chunkSizeWarningLimit: 800,
  },
});
