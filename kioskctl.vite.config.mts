import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

// kioskctl, built on its own after electron-vite (`npm run build`): the kiosk's main process
// and the CLI are then one file each (out/main/index.js, out/cli/kioskctl.js) instead of two
// entries sharing a chunk. Its own folder, because electron-vite empties out/main whenever it
// builds (`npm run dev` too). Like main, everything is bundled but keytar (native), the one
// run-time dependency.
export default defineConfig({
  root: here,
  logLevel: 'warn',
  ssr: { noExternal: true, external: ['keytar'] },
  build: {
    ssr: resolve(here, 'main/cli/kioskctl.ts'),
    outDir: resolve(here, 'out', 'cli'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    reportCompressedSize: false,
    rollupOptions: { output: { format: 'cjs', entryFileNames: 'kioskctl.js', codeSplitting: false } },
  },
});
