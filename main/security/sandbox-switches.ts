/** Chromium switches that turn off or weaken the sandbox and process isolation. */
const SANDBOX_OFF = [
  'no-sandbox',
  'disable-setuid-sandbox',
  'disable-gpu-sandbox',
  'no-zygote-sandbox',
  'disable-namespace-sandbox',
  'disable-seccomp-filter-sandbox',
  // Renderers inside the browser process: no sandbox in effect.
  'single-process',
  'in-process-gpu',
  'disable-web-security',
  'disable-site-isolation-trials',
];

/**
 * Switches refused in any run: they weaken TLS, redirect or reveal traffic, move the app's
 * data folder, or write what the kiosk does to logs outside its control.
 */
const UNSAFE = [
  /^ignore-certificate-errors/,
  /^ignore-urlfetcher-cert-requests$/,
  /^proxy-server$/,
  /^proxy-pac-url$/,
  /^proxy-bypass-list$/,
  /^host-resolver-rules$/,
  /^host-rules$/,
  /^unsafely-treat-insecure-origin-as-secure$/,
  /^allow-insecure-localhost$/,
  /^allow-running-insecure-content$/,
  /^ssl-key-log-file$/,
  /^user-data-dir$/,
  /^js-flags$/,
  /^enable-logging$/,
  /^log-net-log$/,
  /^log-file$/,
  /^v$/,
  /^vmodule$/,
  /^renderer-cmd-prefix$/,
  /^gpu-launcher$/,
  /^utility-cmd-prefix$/,
];

/**
 * A debugger door. Refused in packaged builds; an unpackaged run keeps them because the
 * Electron end-to-end suite's launcher (Playwright's `_electron.launch`) passes
 * --remote-debugging-port=0 and --inspect=0 itself.
 */
const DEBUGGING = [/^remote-debugging-/, /^remote-allow-origins$/, /^inspect/];

/**
 * What a packaged kiosk may be started with (IT's shortcut or service file); anything else is
 * refused. Language, display scale, the Linux display backend, and no GPU for a broken driver.
 */
const PACKAGED_ALLOWED_NAMES = ['lang', 'force-device-scale-factor', 'ozone-platform', 'ozone-platform-hint', 'disable-gpu'];

/** Switch names present in `argv`, lower-cased, without prefix or value (Chromium rules). */
function switchNames(argv: readonly string[], platform: NodeJS.Platform): string[] {
  const names: string[] = [];
  for (const arg of argv) {
    if (arg === '--') break;
    const m = /^(?:--|-)([^=]+)/.exec(arg) ?? (platform === 'win32' ? /^\/([^=]+)/.exec(arg) : null);
    if (m?.[1]) names.push(m[1].toLowerCase());
  }
  return names;
}

const matches = (patterns: readonly RegExp[], name: string): boolean => patterns.some((p) => p.test(name));

/**
 * Why the kiosk must refuse to start with these arguments, or null. A disabled sandbox and the
 * unsafe switches are always refused; in production (packaged) builds, debugging switches and
 * every switch not on the allow-list too.
 */
export function refusedStartReason(
  argv: readonly string[],
  options: { production: boolean; platform?: NodeJS.Platform },
): string | null {
  const platform = options.platform ?? process.platform;
  // macOS may pass the process serial number of a Finder launch (-psn_0_1234).
  const names = switchNames(argv, platform).filter((n) => !(platform === 'darwin' && n.startsWith('psn_')));
  const off = names.find((n) => SANDBOX_OFF.includes(n));
  if (off) return `The kiosk does not run with its sandbox or isolation turned off (--${off}). Start it without that option.`;
  const unsafe = names.find((n) => matches(UNSAFE, n));
  if (unsafe) return `The kiosk does not start with --${unsafe}: it would weaken its security or move or log its data. Start it without that option.`;
  if (options.production) {
    const dbg = names.find((n) => matches(DEBUGGING, n));
    if (dbg) return `The kiosk does not allow debugging options in production (--${dbg}). Start it without that option.`;
    const other = names.find((n) => !PACKAGED_ALLOWED_NAMES.includes(n));
    if (other) {
      const allowed = PACKAGED_ALLOWED_NAMES.map((n) => `--${n}`).join(', ');
      return `The kiosk does not start with --${other}: a packaged kiosk accepts only ${allowed}. Start it without that option.`;
    }
  }
  return null;
}

/**
 * Environment variables that reveal what the kiosk sends or does: Chromium writes the TLS keys
 * of every connection (the camera window's among them) to the file SSLKEYLOGFILE names, in any
 * run; ELECTRON_ENABLE_LOGGING and ELECTRON_LOG_FILE write Chromium's own log (page addresses
 * included), refused in packaged builds. Running as plain Node and NODE_OPTIONS are switched
 * off in the packaged binary by its fuses (electron-builder.yml).
 */
const ENV_ALWAYS_REFUSED = ['SSLKEYLOGFILE'];
const ENV_REFUSED_PACKAGED = ['ELECTRON_ENABLE_LOGGING', 'ELECTRON_LOG_FILE', 'ELECTRON_DEBUG_NOTIFICATIONS', 'ELECTRON_ENABLE_STACK_DUMPING'];

/** Why the kiosk must refuse to start in this environment, or null (set but empty counts as unset). */
export function refusedEnvironmentReason(env: Readonly<Record<string, string | undefined>>, options: { production: boolean }): string | null {
  const names = [...ENV_ALWAYS_REFUSED, ...(options.production ? ENV_REFUSED_PACKAGED : [])];
  const set = names.find((n) => (env[n] ?? '') !== '');
  return set ? `The kiosk does not start with the environment variable ${set} set: it would reveal its traffic or log what it does. Start it without it.` : null;
}
