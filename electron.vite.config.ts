import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { KIOSK_CSP_META } from './main/security/csp';

/**
 * Writes the UI's CSP into each built page as a meta tag (the protocol handler also sends it
 * as a header). Build only: the dev server's hot reload needs inline scripts.
 */
function cspMetaTag(): Plugin {
  return {
    name: 'kiosk-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: KIOSK_CSP_META }, injectTo: 'head-prepend' }],
  };
}

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
    plugins: [react(), cspMetaTag()],
    build: {
      // The kiosk loads the UI from disk, but a smaller bundle still parses faster on branch PCs.
      minify: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'renderer/index.html'),
          fallback: resolve(__dirname, 'renderer/fallback.html'),
          'out-of-order': resolve(__dirname, 'renderer/out-of-order.html'),
          'not-configured': resolve(__dirname, 'renderer/not-configured.html'),
          'camera-check': resolve(__dirname, 'renderer/camera-check.html'),
        },
      },
    },
  },
});
