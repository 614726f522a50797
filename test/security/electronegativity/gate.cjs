#!/usr/bin/env node
// @ts-check
// Electronegativity gate: scans the compiled main, kioskctl, preload and renderer (its pages and
// their CSP meta tag too) and fails on any finding
// of MEDIUM severity or higher that the allowlist does not excuse. Electronegativity lives in
// this folder with its own lockfile, apart from the app's dependencies. Its CLI exits 0 even
// with findings and its file outputs lose the severity, so this script calls its API and
// reads the results itself.
//
//   node gate.cjs [--input <dir>]... [--electron-version <x.y.z>] [--no-allowlist] [--json <file>]
//
// Exit codes: 0 clean, 1 blocking findings, 2 the scan could not be trusted (tool missing,
// nothing scanned, a file it could not parse, bad arguments).
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const Module = require('node:module');

const HERE = __dirname;
const ROOT = path.resolve(HERE, '..', '..', '..');
const SEVERITY = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };

/** @param {string} message */
function untrusted(message) {
  process.stderr.write(`electronegativity: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { inputs: /** @type {string[]} */ ([]), electronVersion: '', allowlist: true, json: '' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--input') opts.inputs.push(path.resolve(argv[++i] ?? ''));
    else if (a === '--electron-version') opts.electronVersion = argv[++i] ?? '';
    else if (a === '--no-allowlist') opts.allowlist = false;
    else if (a === '--json') opts.json = path.resolve(argv[++i] ?? '');
    else untrusted(`unknown argument ${a}`);
  }
  if (opts.inputs.length === 0) opts.inputs = ['main', 'cli', 'preload', 'renderer'].map((d) => path.join(ROOT, 'out', d));
  if (!opts.electronVersion) {
    const pkg = path.join(ROOT, 'node_modules', 'electron', 'package.json');
    if (!fs.existsSync(pkg)) untrusted('cannot find the Electron version (node_modules/electron); pass --electron-version');
    opts.electronVersion = JSON.parse(fs.readFileSync(pkg, 'utf8')).version;
  }
  // A version the tool cannot parse makes every file fail silently: refuse it here.
  if (!/^\d+\.\d+\.\d+$/.test(opts.electronVersion)) untrusted(`not a version: ${opts.electronVersion}`);
  return opts;
}

/** Copies the inputs side by side into one folder, so global checks see main and preload together. */
function stage(inputs) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eneg-'));
  let files = 0;
  let windows = 0;
  for (const input of inputs) {
    if (!fs.existsSync(input)) untrusted(`input missing: ${path.relative(ROOT, input)} (run "npm run build" first)`);
    const target = path.join(dir, path.basename(input));
    fs.cpSync(input, target, { recursive: true, filter: (src) => !src.endsWith('.map') });
    for (const f of fs.readdirSync(target, { recursive: true }).map(String)) {
      if (!f.endsWith('.js')) continue;
      files++;
      const file = path.join(target, f);
      const code = fs.readFileSync(file, 'utf8');
      // The window checks only recognise a bare `new BrowserWindow(...)`, while the bundler
      // writes `new electron.BrowserWindow(...)`. Spell it the way the checks expect, so they
      // do look at every window the app creates.
      const normalised = code.replace(/new\s+[A-Za-z_$][\w$]*\.(BrowserWindow|BrowserView)\s*\(/g, (_m, ctor) => {
        windows++;
        return `new ${ctor}(`;
      });
      if (normalised !== code) fs.writeFileSync(file, normalised);
    }
  }
  if (files === 0) untrusted('no .js file to scan');
  return { dir, files, windows };
}

/** Keeps the tool off the network: its translation download and release check use `got`. */
function offline() {
  const load = /** @type {any} */ (Module)._load;
  /** @type {any} */ (Module)._load = function (request, ...rest) {
    if (request === 'got') {
      const fail = () => Promise.reject(new Error('network disabled by the gate'));
      return Object.assign(fail, { get: fail, head: fail, post: fail });
    }
    return load.call(this, request, ...rest);
  };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const runnerPath = path.join(HERE, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'runner.js');
  if (!fs.existsSync(runnerPath)) untrusted('the tool is not installed: run "npm run security:install"');
  const { dir, files, windows } = stage(opts.inputs);
  offline();
  const run = require(runnerPath);
  const log = console.log;
  console.log = (...args) => console.error(...args); // the library chats on stdout
  let result;
  try {
    result = await run({
      input: dir,
      customScan: [],
      excludeFromScan: ['availablesecurityfixesglobalcheck'],
      isRelative: true,
      electronVersionOverride: opts.electronVersion,
      parserPlugins: [],
    });
  } finally {
    console.log = log;
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const broken = (result.errors ?? []).filter((e) => !e.tolerable);
  if (broken.length > 0) {
    untrusted(`could not parse ${broken.map((e) => `${e.file}: ${e.message}`).join('; ')}`);
  }
  const allowlist = opts.allowlist ? require('./allowlist.cjs') : [];
  // Each entry excuses at most `count` findings, so a new window in the same file is not
  // hidden by an old excuse.
  const used = new Map();
  const findings = result.issues.map((i) => {
    const file = i.file === 'N/A' ? 'N/A' : path.relative(dir, path.resolve(dir, i.file)).split(path.sep).join('/');
    const entry = allowlist.find((a) => a.id === i.id && a.file === file && (used.get(a) ?? 0) < (a.count ?? 1));
    if (entry) used.set(entry, (used.get(entry) ?? 0) + 1);
    return {
      id: i.id,
      severity: i.severity.name,
      confidence: i.confidence.name,
      file,
      line: i.location.line,
      allowedBecause: entry ? entry.reason : null,
    };
  });
  const blocking = findings.filter((f) => SEVERITY[f.severity] >= SEVERITY.MEDIUM && !f.allowedBecause);
  for (const f of findings) {
    const mark = f.allowedBecause ? 'allowed' : SEVERITY[f.severity] >= SEVERITY.MEDIUM ? 'BLOCKING' : 'info';
    process.stdout.write(`  ${mark.padEnd(8)} ${f.severity.padEnd(13)} ${f.id}  ${f.file}${f.line ? `:${f.line}` : ''}\n`);
  }
  for (const a of allowlist) {
    if ((used.get(a) ?? 0) < (a.count ?? 1)) {
      process.stdout.write(`  stale allowlist entry (fewer findings than excused): ${a.id} ${a.file}\n`);
    }
  }
  if (opts.json) fs.writeFileSync(opts.json, JSON.stringify({ files, windows, electronVersion: opts.electronVersion, findings, blocking }, null, 2));
  process.stdout.write(
    `electronegativity ${opts.electronVersion}: ${files} files, ${windows} window constructors, ${findings.length} findings, ` +
      `${findings.length - blocking.length} allowed or below MEDIUM, ${blocking.length} blocking\n`,
  );
  process.exitCode = blocking.length > 0 ? 1 : 0;
}

main().catch((err) => untrusted(err instanceof Error ? err.message : String(err)));
