import { describe, expect, it } from 'vitest';
import { refusedEnvironmentReason, refusedStartReason } from '../../main/security/sandbox-switches';

const linux = { production: true, platform: 'linux' as const };

describe('refusedStartReason', () => {
  it.each([
    ['--no-sandbox'],
    ['-no-sandbox'],
    ['--NO-SANDBOX'],
    ['--no-sandbox=1'],
    ['--disable-setuid-sandbox'],
    ['--disable-gpu-sandbox'],
    ['--no-zygote-sandbox'],
    ['--disable-seccomp-filter-sandbox'],
    ['--single-process'],
    ['--disable-web-security'],
    ['--disable-site-isolation-trials'],
  ])('refuses %s, in production and in development', (arg) => {
    expect(refusedStartReason(['/opt/kiosk/enrollment-kiosk', arg], linux)).toMatch(/sandbox or isolation turned off/);
    expect(refusedStartReason(['/opt/kiosk/enrollment-kiosk', 'out/main/index.js', arg], { production: false, platform: 'linux' })).toMatch(/sandbox or isolation turned off/);
  });

  it('reads Windows-style switches on Windows', () => {
    expect(refusedStartReason(['kiosk.exe', '/no-sandbox'], { production: true, platform: 'win32' })).toMatch(/sandbox or isolation turned off/);
    expect(refusedStartReason(['kiosk', '/no-sandbox'], linux)).toBeNull();
  });

  it('refuses debugging switches in production; unpackaged runs keep them (the Electron e2e launcher passes them)', () => {
    for (const arg of ['--remote-debugging-port=9222', '--remote-debugging-pipe', '--remote-debugging-address=0.0.0.0', '--inspect=0', '--inspect-brk', '--inspect-port=9229']) {
      expect(refusedStartReason(['kiosk', arg], linux)).toMatch(/debugging/);
      expect(refusedStartReason(['kiosk', arg], { production: false, platform: 'linux' })).toBeNull();
    }
  });

  // These used to pass (js-flags and the command prefixes only in development): they are
  // refused in every run now.
  it.each([
    ['--ignore-certificate-errors'],
    ['--ignore-certificate-errors-spki-list=abc'],
    ['--proxy-server=http://10.9.9.9:3128'],
    ['--proxy-pac-url=http://x/p.pac'],
    ['--host-resolver-rules=MAP * 127.0.0.1'],
    ['--unsafely-treat-insecure-origin-as-secure=http://x'],
    ['--user-data-dir=/tmp/other'],
    ['--js-flags=--allow-natives-syntax'],
    ['--enable-logging'],
    ['--log-net-log=/tmp/net.json'],
    ['--renderer-cmd-prefix=gdb'],
  ])('refuses %s in production and in development', (arg) => {
    expect(refusedStartReason(['/opt/kiosk/enrollment-kiosk', arg], linux)).toMatch(/weaken its security or move or log its data/);
    expect(refusedStartReason(['electron', 'out/main/index.js', arg], { production: false, platform: 'linux' })).toMatch(/weaken its security/);
  });

  it('a packaged kiosk accepts only its allow-list; an unpackaged run any other switch', () => {
    for (const arg of ['--lang=hi', '--force-device-scale-factor=1.5', '--ozone-platform-hint=auto', '--ozone-platform=wayland', '--disable-gpu']) {
      expect(refusedStartReason(['kiosk', arg], linux)).toBeNull();
    }
    for (const arg of ['--enable-features=Foo', '--disable-features=Bar', '--kiosk-printing', '--app=https://x', '--load-extension=/x']) {
      expect(refusedStartReason(['kiosk', arg], linux)).toMatch(/accepts only --lang/);
      expect(refusedStartReason(['kiosk', arg], { production: false, platform: 'linux' })).toBeNull();
    }
    expect(refusedStartReason(['Kiosk', '-psn_0_12345'], { production: true, platform: 'darwin' })).toBeNull();
  });

  it('accepts a normal start, and ignores arguments after --', () => {
    expect(refusedStartReason(['kiosk'], linux)).toBeNull();
    expect(refusedStartReason(['kiosk', '--lang=hi', 'sandbox-notes.txt'], linux)).toBeNull();
    expect(refusedStartReason(['kiosk', '--', '--proxy-server=x'], linux)).toBeNull();
    expect(refusedStartReason(['kiosk', '--', '--no-sandbox'], linux)).toBeNull();
  });
});

describe('refusedEnvironmentReason', () => {
  it('refuses SSLKEYLOGFILE in every run: Chromium would write the TLS keys of the camera window', () => {
    for (const production of [true, false]) {
      expect(refusedEnvironmentReason({ SSLKEYLOGFILE: '/tmp/keys.log' }, { production })).toMatch(/SSLKEYLOGFILE/);
    }
  });

  it.each(['ELECTRON_ENABLE_LOGGING', 'ELECTRON_LOG_FILE', 'ELECTRON_DEBUG_NOTIFICATIONS', 'ELECTRON_ENABLE_STACK_DUMPING'])('refuses %s in a packaged build only', (name) => {
    expect(refusedEnvironmentReason({ [name]: '1' }, { production: true })).toMatch(new RegExp(name));
    expect(refusedEnvironmentReason({ [name]: '1' }, { production: false })).toBeNull();
  });

  it('starts in an ordinary environment; an empty variable counts as unset', () => {
    expect(refusedEnvironmentReason({ PATH: '/usr/bin', LANG: 'en_IN.UTF-8', https_proxy: 'http://proxy.bank.example:8080', SSLKEYLOGFILE: '' }, { production: true })).toBeNull();
  });
});
