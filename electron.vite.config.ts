import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      // Only package.json's `dependencies` stay outside the bundle: keytar (native), the one
      // package the built app loads from node_modules. Everything else (zod, libphonenumber-js,
      // commander) is a devDependency bundled, tree-shaken, into main's one file, so that
      // starting does not resolve and load dozens of files (README, Performance). kioskctl is
      // built on its own (kioskctl.vite.config.mts), so nothing is shared in chunks.
      externalizeDeps: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'main/index.ts') },
        output: { codeSplitting: false },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can only be a single CommonJS file that requires nothing but electron.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      // The kiosk loads the UI from disk, but a smaller bundle still parses faster on branch PCs.
      minify: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'renderer/index.html'),
          fallback: resolve(__dirname, 'renderer/fallback.html'),
          'camera-check': resolve(__dirname, 'renderer/camera-check.html'),
        },
      },
    },
  },
});
