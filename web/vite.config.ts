/** The console's build: `npm run console:build` (and `npm start`, `npx cdk synth` when web/dist is stale). */
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [preact({ prerender: { enabled: false } })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    // Plugin timing notes are noise on a busy 2-core machine.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  // `npx vite --config web/vite.config.ts` during development, next to `npm start` on port 3000.
  server: { proxy: { '/v1': 'http://127.0.0.1:3000', '/local': 'http://127.0.0.1:3000', '/config.json': 'http://127.0.0.1:3000' } },
});
