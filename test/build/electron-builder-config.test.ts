import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const config = parse(readFileSync(join(process.cwd(), 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('sets the Electron fuses for a locked-down production binary', () => {
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it('declares the camera for macOS: usage string and the hardened-runtime entitlement', () => {
    const mac = config['mac'] as Record<string, unknown>;
    expect((mac['extendInfo'] as Record<string, string>)['NSCameraUsageDescription']).toMatch(/camera/);
    expect(mac['entitlements']).toBe('build/entitlements.mac.plist');
    const plist = readFileSync(join(process.cwd(), 'build', 'entitlements.mac.plist'), 'utf8');
    for (const key of ['device.camera', 'cs.allow-jit', 'cs.allow-unsigned-executable-memory', 'cs.disable-library-validation']) {
      expect(plist).toContain(`<key>com.apple.security.${key}</key>`);
    }
    expect(plist).not.toContain('device.audio-input');
  });

  it('packs the app into an asar archive and ships no source maps', () => {
    expect(config['asar']).toBe(true);
    expect(config['files']).toContain('!**/*.map');
  });

  it('packs only the built app from out/, not the benchmark builds that share the folder', () => {
    const fromOut = (config['files'] as string[]).filter((f) => f.startsWith('out/'));
    expect(fromOut.sort()).toEqual(['out/cli/**', 'out/main/**', 'out/preload/**', 'out/renderer/**']);
  });

  it('ships from node_modules only what the built app loads there: keytar (the rest is bundled)', () => {
    // electron-builder packs package.json's `dependencies`; test/windows/main-bundle.test.ts
    // checks that the built files require nothing else.
    const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    expect(Object.keys(pkg.dependencies ?? {})).toEqual(['keytar']);
  });
});
