import { describe, expect, it } from 'vitest';
import { refusedStartReason } from '../../main/security/sandbox-switches';

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

  it('refuses debugging switches in production only', () => {
    for (const arg of ['--remote-debugging-port=9222', '--remote-debugging-pipe', '--remote-debugging-address=0.0.0.0', '--inspect=0', '--inspect-brk', '--js-flags=--allow-natives-syntax', '--renderer-cmd-prefix=gdb']) {
      expect(refusedStartReason(['kiosk', arg], linux)).toMatch(/debugging/);
      expect(refusedStartReason(['kiosk', arg], { production: false, platform: 'linux' })).toBeNull();
    }
  });

  it('accepts a normal start, and ignores arguments after --', () => {
    expect(refusedStartReason(['kiosk'], linux)).toBeNull();
    expect(refusedStartReason(['kiosk', '--lang=hi', 'sandbox-notes.txt'], linux)).toBeNull();
    expect(refusedStartReason(['kiosk', '--', '--no-sandbox'], linux)).toBeNull();
  });
});
