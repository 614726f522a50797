import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

// kioskctl, built on its own after electron-vite (`npm run build`): each of the kiosk's main
// process and the CLI is then one file (out/main/index.js, out/main/kioskctl.js) instead of
// two entries sharing a chunk. Like main, everything is bundled but keytar (native), the one
// run-time dependency.
export default defineConfig({
  root: here,
  logLevel: 'warn',
  ssr: { noExternal: true, external: ['keytar'] },
  build: {
    ssr: resolve(here, 'main/cli/kioskctl.ts'),
    outDir: resolve(here, 'out', 'main'),
    // electron-vite has just written main's file here.
    emptyOutDir: false,
    target: 'node20',
    minify: false,
    reportCompressedSize: false,
    rollupOptions: { output: { format: 'cjs', entryFileNames: 'kioskctl.js', codeSplitting: false } },
  },
});
