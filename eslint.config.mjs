import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Import boundaries (README, Architecture). Each layer lists what it must not import; a file
// matched by several blocks gets the last one, so each block names everything it forbids.
const NODE_BUILTINS = { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'http', 'https', 'net', 'tls', 'crypto'], message: 'This layer runs in a browser context or must stay pure: no Node built-ins.' };
const NO_ELECTRON = { regex: '^electron(/|$)', message: 'Only main/electron/ (and the entry and preload) import electron; the core runs under Node.' };
const NO_KEYTAR = { group: ['keytar', '**/keytar-backend'], message: 'keytar is imported in main/secrets/keytar-backend.ts only; the programs (app, kioskctl) hand it to the core as a port (loadKeychain).' };
const NO_KEYTAR_PACKAGE = { regex: '^keytar(/|$)', message: 'keytar is imported in main/secrets/keytar-backend.ts only.' };
const NO_ELECTRON_FOLDER = { regex: '(^|/)electron/', message: 'main/electron/ holds the Electron adapters; only the entry imports them.' };
const outside = (...folders) => ({
  regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`,
  message: `This layer may not import from ${folders.join(', ')}/ (README, Architecture).`,
});
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'bench/results/**', 'test/security/electronegativity/node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // Main: no electron outside main/electron/, the entry and the preload; keytar in one file.
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**', 'main/index.ts', 'main/preload/**', 'main/secrets/keytar-backend.ts'],
    rules: restrict(NO_ELECTRON, NO_KEYTAR, NO_ELECTRON_FOLDER, outside('renderer', 'test', 'bench')),
  },
  // The programs built on the core hand it the keychain binding.
  {
    files: ['main/cli/**/*.ts'],
    rules: restrict(NO_ELECTRON, NO_KEYTAR_PACKAGE, NO_ELECTRON_FOLDER, outside('renderer', 'test', 'bench')),
  },
  {
    files: ['main/electron/**/*.ts', 'main/index.ts'],
    rules: restrict(NO_KEYTAR_PACKAGE, outside('renderer', 'test', 'bench')),
  },
  // The core: no electron, no keytar, and none of the programs built on it.
  {
    files: ['main/core/**/*.ts'],
    rules: restrict(NO_ELECTRON, NO_KEYTAR, NO_ELECTRON_FOLDER, { regex: '(^|/)cli/', message: 'kioskctl is built on the core, not the other way round.' }, outside('renderer', 'test', 'bench')),
  },
  // The preload: electron and the IPC contract's types, nothing else.
  {
    files: ['main/preload/**/*.ts'],
    rules: restrict(NODE_BUILTINS, NO_KEYTAR, { regex: '^\\.\\./(?!\\.\\./domain/)', message: 'The preload imports only electron, domain/ and its own files.' }),
  },
  // The shared domain: pure facts and rules for every runtime.
  {
    files: ['domain/**/*.ts'],
    rules: restrict(NODE_BUILTINS, NO_ELECTRON, NO_KEYTAR, { group: ['react', 'react-dom', 'zustand'], message: 'domain/ is pure: no UI libraries.' }, outside('main', 'renderer', 'test', 'bench')),
  },
  // The renderer: sandboxed browser code; domain/ and its own files only.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: restrict(NODE_BUILTINS, NO_ELECTRON, NO_KEYTAR, outside('main', 'test', 'bench', 'bin')),
  },
  {
    // Tests and the benchmark assert on values they just checked exist; `!` keeps them short.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['bin/**/*.cjs', 'test/**/*.cjs', 'bench/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
