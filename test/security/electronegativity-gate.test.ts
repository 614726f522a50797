import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt } from '../helpers/run-kioskctl';

const GATE = join(process.cwd(), 'test', 'security', 'electronegativity', 'gate.cjs');
const TOOL = join(process.cwd(), 'test', 'security', 'electronegativity', 'node_modules', '@doyensec', 'electronegativity');

function gate(...args: string[]) {
  const r = spawnSync(process.execPath, [GATE, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let fixtures = '';
beforeAll(async () => {
  if (!existsSync(TOOL)) throw new Error('Electronegativity is not installed: run "npm run test:security" (npm test does).');
  fixtures = await mkdtemp(join(process.env['KIOSK_TEST_SCRATCH'] || tmpdir(), 'eneg-fixtures-'));
  await mkdir(join(fixtures, 'unsafe'));
  await writeFile(
    join(fixtures, 'unsafe', 'index.js'),
    [
      'let electron = require("electron");',
      'electron.app.whenReady().then(() => {',
      '  const w = new electron.BrowserWindow({ webPreferences: { sandbox: false, contextIsolation: false } });',
      '  w.loadURL("https://example.com");',
      '});',
    ].join('\n'),
  );
  await mkdir(join(fixtures, 'empty'));
});

describe('the Electronegativity gate', () => {
  it('passes the compiled main, kioskctl, preload and renderer, every finding allowed or below MEDIUM', () => {
    assertBuilt();
    const r = gate();
    expect(r.code, r.out + r.err).toBe(0);
    // out/main/index.js, out/cli/kioskctl.js, out/preload/index.js and the renderer's chunks.
    const files = 3 + readdirSync(join(process.cwd(), 'out', 'renderer', 'assets')).filter((f) => f.endsWith('.js')).length;
    expect(r.out).toMatch(new RegExp(`\\b${files} files, 3 window constructors, \\d+ findings, \\d+ allowed or below MEDIUM, 0 blocking`));
    expect(r.out).not.toContain('stale allowlist entry');
    // The pages carry their CSP in a meta tag: the scanner finds it in each page (a LOW note
    // that 'self' in script-src is risky where a site hosts JSONP or uploads; kiosk://app
    // serves only the built files), and its MEDIUM "no CSP" finding is gone, nothing to excuse.
    for (const page of ['index.html', 'fallback.html', 'camera-check.html']) expect(r.out).toMatch(new RegExp(`info\\s+LOW\\s+CSP_GLOBAL_CHECK\\s+renderer/${page}`));
    expect(r.out).not.toMatch(/(BLOCKING|allowed)\s+\S+\s+CSP_GLOBAL_CHECK/);
  });

  it('fails on an unsafe window, which the allowlist does not excuse', () => {
    const r = gate('--input', join(fixtures, 'unsafe'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/BLOCKING\s+MEDIUM\s+SANDBOX_JS_CHECK\s+unsafe\/index\.js:3/);
    expect(r.out).toMatch(/BLOCKING\s+HIGH\s+CONTEXT_ISOLATION_JS_CHECK/);
    expect(r.out).toMatch(/BLOCKING\s+HIGH\s+LIMIT_NAVIGATION_GLOBAL_CHECK/);
    expect(r.out).toMatch(/BLOCKING\s+MEDIUM\s+PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK/);
  });

  it('refuses to report success when there is nothing to scan or the version is not one', () => {
    expect(gate('--input', join(fixtures, 'empty')).code).toBe(2);
    expect(gate('--input', join(fixtures, 'missing')).code).toBe(2);
    expect(gate('--electron-version', 'foo').code).toBe(2);
  });
});
