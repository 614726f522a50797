import { userInfo } from 'node:os';
import { defaultUserDataDir } from '../paths';
import { readOptionalFile } from '../read-optional-file';
import { readAll } from './cli-io';
import { runCli } from './run-cli';

void runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readStdin: () => readAll(process.stdin),
  stdinIsTTY: process.stdin.isTTY === true,
  env: process.env,
  readFile: readOptionalFile,
  userDataDir: defaultUserDataDir(),
  osUser: osUserName(),
  // Only the foreground sandbox waits for a signal; other commands keep Ctrl+C's default.
  waitForStop: () =>
    new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    }),
}).then((code) => {
  // The command is finished: do not linger on idle sockets or a hung keychain call.
  process.exit(code);
});

/** The OS user's name (for the audit trail), from the system, else the environment. */
function osUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env['USER'] ?? process.env['USERNAME'] ?? 'unknown';
  }
}
