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

/** Switches that open a debugger door or run foreign code in a production kiosk. */
const DEBUGGING = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-allow-origins',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'js-flags',
  'renderer-cmd-prefix',
  'gpu-launcher',
  'utility-cmd-prefix',
];

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

/**
 * Why the kiosk must refuse to start with these arguments, or null. A disabled sandbox is
 * always refused; debugging switches are refused in production (packaged) builds.
 */
export function refusedStartReason(
  argv: readonly string[],
  options: { production: boolean; platform?: NodeJS.Platform },
): string | null {
  const names = switchNames(argv, options.platform ?? process.platform);
  const off = names.find((n) => SANDBOX_OFF.includes(n));
  if (off) return `The kiosk does not run with its sandbox or isolation turned off (--${off}). Start it without that option.`;
  if (options.production) {
    const dbg = names.find((n) => DEBUGGING.includes(n));
    if (dbg) return `The kiosk does not allow debugging options in production (--${dbg}). Start it without that option.`;
  }
  return null;
}
