import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const KIOSKCTL = join(process.cwd(), 'bin', 'kioskctl.cjs');

export function assertBuilt(): void {
  if (!existsSync(join(process.cwd(), 'out', 'cli', 'kioskctl.js'))) {
    throw new Error('out/cli/kioskctl.js is missing: run "npm run build" before the CLI tests (npm test does).');
  }
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the built kioskctl as a child process, optionally through a wrapper (e.g. dbus-run-session). */
export function runKioskctl(
  args: string[],
  options: { stdin?: string; env?: NodeJS.ProcessEnv; wrapper?: string[]; timeoutMs?: number } = {},
): Promise<CliRun> {
  const [cmd, ...pre] = options.wrapper ?? [];
  const file = cmd ?? process.execPath;
  const argv = cmd ? [...pre, process.execPath, KIOSKCTL, ...args] : [KIOSKCTL, ...args];
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - t0 });
    });
    child.stdin.end(options.stdin ?? '');
  });
}
