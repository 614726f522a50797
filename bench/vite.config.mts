import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

// Builds the benchmark runner for Node (dependencies stay in node_modules): `npm run bench`.
export default defineConfig({
  root: resolve(here, '..'),
  logLevel: 'warn',
  build: {
    ssr: resolve(here, 'run.ts'),
    outDir: resolve(here, '..', 'out', 'bench-runner'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: { output: { format: 'es', entryFileNames: 'run.mjs' } },
  },
});
