import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layers' import directions (README, Architecture) are lint rules. Each case is linted as
// if it were a file at that path: a wrong import must fail, an allowed one must pass.

const root = join(__dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  // Static imports are no-restricted-imports' findings; import() is no-restricted-syntax's.
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

const WRONG: [string, string][] = [
  ['renderer/src/wrong.ts', "import { loadConfig } from '../../main/config';"],
  ['renderer/src/store/wrong.ts', "import type { IpcHarness } from '../../../test/helpers/ipc-harness';"],
  ['renderer/src/wrong.ts', "import { readFile } from 'node:fs';"],
  ['renderer/src/wrong.ts', "import { ipcRenderer } from 'electron';"],
  ['domain/wrong.ts', "import { createKioskCore } from '../main/core/kiosk-core';"],
  ['domain/profile/wrong.ts', "import { App } from '../../renderer/src/app';"],
  ['domain/wrong.ts', "import { createStore } from 'zustand';"],
  ['domain/wrong.ts', "import { join } from 'node:path';"],
  ['main/core/wrong.ts', "import { app } from 'electron';"],
  ['main/core/wrong.ts', "import type { BrowserWindow } from 'electron';"],
  ['main/core/wrong.ts', "import keytar from 'keytar';"],
  ['main/core/workflows/wrong.ts', "import { loadKeytarBackend } from '../../secrets/keytar-backend';"],
  ['main/core/wrong.ts', "import { startKiosk } from '../electron/kiosk-app';"],
  ['main/core/wrong.ts', "import { runCli } from '../cli/run-cli';"],
  ['main/profile/wrong.ts', "import { BrowserWindow } from 'electron';"],
  ['main/profile/wrong.ts', "import { startKiosk } from '../electron/kiosk-app';"],
  ['main/profile/wrong.ts', "import { loadKeytarBackend } from '../secrets/keytar-backend';"],
  ['main/cli/wrong.ts', "import keytar from 'keytar';"],
  ['main/cli/wrong.ts', "import { app } from 'electron';"],
  ['main/electron/wrong.ts', "import keytar from 'keytar';"],
  ['main/electron/wrong.ts', "import { App } from '../../renderer/src/app';"],
  ['main/preload/wrong.ts', "import { loadConfig } from '../config';"],
  ['main/preload/wrong.ts', "import { readFileSync } from 'node:fs';"],
  // The same boundaries for import(), the form keytar is loaded with.
  ['main/core/wrong.ts', "export const k = () => import('keytar');"],
  ['main/profile/wrong.ts', "export const e = () => import('electron');"],
  ['main/secrets/other-keychain.ts', "export const k = () => import('keytar');"],
  ['renderer/src/wrong.ts', "export const c = () => import('../../main/config');"],
  ['domain/wrong.ts', "export const u = () => import('node:util');"],
  // Every Node built-in, with or without the node: prefix; re-exports; a .js suffix.
  ['renderer/src/wrong.ts', "import { EventEmitter } from 'events';"],
  ['domain/wrong.ts', "import { inspect } from 'util';"],
  ['renderer/src/wrong.ts', "export { loadConfig } from '../../main/config';"],
  ['main/core/wrong.ts', "import { loadKeytarBackend } from '../secrets/keytar-backend.js';"],
];

const ALLOWED: [string, string][] = [
  ['renderer/src/fine.ts', "import { PROFILE_FIELDS } from '../../domain/profile/profile-fields';\nimport { create } from 'zustand';"],
  ['domain/fine.ts', "import { z } from 'zod';\nimport { LOCALES } from './locales';"],
  ['main/core/fine.ts', "import { openBackend } from '../backends/backend';\nimport { KioskError } from '../../domain/kiosk-error';\nimport { join } from 'node:path';"],
  ['main/electron/fine.ts', "import { app } from 'electron';\nimport { loadKeytarBackend } from '../secrets/keytar-backend';\nimport { createKioskCore } from '../core/kiosk-core';"],
  ['main/index.ts', "import { app } from 'electron';\nimport { startKiosk } from './electron/kiosk-app';"],
  ['main/cli/fine.ts', "import { loadKeytarBackend } from '../secrets/keytar-backend';\nimport { createKioskCore } from '../core/kiosk-core';"],
  ['main/preload/fine.ts', "import { contextBridge } from 'electron';\nimport type { KioskApi } from '../../domain/ipc/contract';\nimport { buildKioskApi } from './build-api';"],
  ['main/secrets/keytar-backend.ts', "export const k = () => import('keytar');"],
  ['renderer/src/fine.ts', "export const p = () => import('../../domain/profile/phone-rules');"],
];

describe('import boundaries are enforced by lint', () => {
  it.each(WRONG)('%s: refuses %s', async (file, code) => {
    expect(await boundaryErrors(file, code)).toHaveLength(1);
  });

  it.each(ALLOWED)('%s: allows its own imports', async (file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });

  it('only main/electron/, the entry and the preload import electron', () => {
    // Any form: from, a bare import, import(), require(), a subpath such as electron/main.
    const IMPORTS_ELECTRON = /(\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]electron(\/[^'"]*)?['"]/;
    const importers: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.[cm]?[jt]sx?$/.test(e.name) && IMPORTS_ELECTRON.test(readFileSync(p, 'utf8'))) importers.push(relative(root, p));
      }
    };
    for (const top of ['main', 'domain', 'renderer']) walk(join(root, top));
    expect(importers.length).toBeGreaterThan(0);
    const outside = importers.filter((f) => !f.startsWith('main/electron/') && f !== 'main/index.ts' && !f.startsWith('main/preload/'));
    expect(outside).toEqual([]);
  });
});
