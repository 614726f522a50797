import { readFile } from 'node:fs/promises';
import { defaultUserDataDir } from '../paths';
import { readAll } from './cli-io';
import { runCli } from './run-cli';

async function readOptional(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

const stop = new Promise<void>((resolve) => {
  process.once('SIGINT', resolve);
  process.once('SIGTERM', resolve);
});

void runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readStdin: () => readAll(process.stdin),
  stdinIsTTY: process.stdin.isTTY === true,
  env: process.env,
  readFile: readOptional,
  userDataDir: defaultUserDataDir(),
  waitForStop: () => stop,
}).then((code) => {
  process.exitCode = code;
  // Commands other than `sandbox` are done; do not wait for idle sockets or timers.
  if (!process.argv.includes('sandbox')) setImmediate(() => process.exit(code));
});
