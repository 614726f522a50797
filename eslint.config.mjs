import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

// Import boundaries (README, Architecture). Each layer lists what it must not import, as
// regular expressions over the import specifier, checked for static imports and exports
// (no-restricted-imports) and for import() (no-restricted-syntax). A file matched by several
// blocks gets the last one, so each block names everything it forbids.
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NODE_BUILTINS = {
  regex: `^(node:|(${builtinModules.filter((m) => !m.startsWith('_')).map(escape).join('|')})($|/))`,
  message: 'This layer runs in a browser context or must stay pure: no Node built-ins.',
};
const NO_ELECTRON = { regex: '^electron($|/)', message: 'Only main/electron/ (and the entry and preload) import electron; the core runs under Node.' };
const NO_KEYTAR_PACKAGE = { regex: '^keytar($|/)', message: 'keytar is imported in main/secrets/keytar-backend.ts only.' };
const NO_KEYTAR_BACKEND = {
  regex: '(^|/)keytar-backend(\\.[cm]?[jt]s)?$',
  message: 'keytar is loaded by main/secrets/keytar-backend.ts only; the programs (app, kioskctl) hand it to the core as a port (loadKeychain).',
};
const NO_ELECTRON_FOLDER = { regex: '(^|/)electron/', message: 'main/electron/ holds the Electron adapters; only the entry imports them.' };
const NO_CLI_FOLDER = { regex: '(^|/)cli/', message: 'kioskctl is built on the core, not the other way round.' };
const NO_UI_LIBRARIES = { regex: '^(react|react-dom|zustand)($|/)', message: 'domain/ is pure: no UI libraries.' };
const PRELOAD_ONLY_DOMAIN = { regex: '^\\.\\./(?!\\.\\./domain/)', message: 'The preload imports only electron, domain/ and its own files.' };
const outside = (...folders) => ({
  regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`,
  message: `This layer may not import from ${folders.join(', ')}/ (README, Architecture).`,
});
const restrict = (...forbidden) => ({
  'no-restricted-imports': ['error', { patterns: forbidden.map(({ regex, message }) => ({ regex, message })) }],
  // import('…'): the same expressions; esquery reads a slash in a regex as its end.
  'no-restricted-syntax': [
    'error',
    ...forbidden.map(({ regex, message }) => ({ selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\u002F')}/]`, message })),
  ],
});

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
    files: ['main/**/*.{ts,mts}'],
    ignores: ['main/electron/**', 'main/index.ts', 'main/preload/**', 'main/secrets/keytar-backend.ts'],
    rules: restrict(NO_ELECTRON, NO_KEYTAR_PACKAGE, NO_KEYTAR_BACKEND, NO_ELECTRON_FOLDER, outside('renderer', 'test', 'bench')),
  },
  {
    files: ['main/secrets/keytar-backend.ts'],
    rules: restrict(NO_ELECTRON, NO_ELECTRON_FOLDER, outside('renderer', 'test', 'bench')),
  },
  // The programs built on the core hand it the keychain binding.
  {
    files: ['main/cli/**/*.{ts,mts}'],
    rules: restrict(NO_ELECTRON, NO_KEYTAR_PACKAGE, NO_ELECTRON_FOLDER, outside('renderer', 'test', 'bench')),
  },
  {
    files: ['main/electron/**/*.{ts,mts}', 'main/index.ts'],
    rules: restrict(NO_KEYTAR_PACKAGE, outside('renderer', 'test', 'bench')),
  },
  // The core: no electron, no keytar, and none of the programs built on it.
  {
    files: ['main/core/**/*.{ts,mts}'],
    rules: restrict(NO_ELECTRON, NO_KEYTAR_PACKAGE, NO_KEYTAR_BACKEND, NO_ELECTRON_FOLDER, NO_CLI_FOLDER, outside('renderer', 'test', 'bench')),
  },
  // The preload: electron and the IPC contract's types, nothing else.
  {
    files: ['main/preload/**/*.{ts,mts}'],
    rules: restrict(NODE_BUILTINS, NO_KEYTAR_PACKAGE, NO_KEYTAR_BACKEND, PRELOAD_ONLY_DOMAIN),
  },
  // The shared domain: pure facts and rules for every runtime.
  {
    files: ['domain/**/*.{ts,mts}'],
    rules: restrict(NODE_BUILTINS, NO_ELECTRON, NO_KEYTAR_PACKAGE, NO_KEYTAR_BACKEND, NO_UI_LIBRARIES, outside('main', 'renderer', 'test', 'bench')),
  },
  // The renderer: sandboxed browser code; domain/ and its own files only.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: restrict(NODE_BUILTINS, NO_ELECTRON, NO_KEYTAR_PACKAGE, NO_KEYTAR_BACKEND, outside('main', 'test', 'bench', 'bin')),
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
