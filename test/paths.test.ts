import { describe, expect, it } from 'vitest';
import { defaultUserDataDir } from '../main/paths';
import { keychainAccount } from '../main/secrets/token-store';

describe('defaultUserDataDir (same folder as Electron userData, so kioskctl reads the app config)', () => {
  it.each([
    ['linux', { XDG_CONFIG_HOME: '/x/cfg' }, '/x/cfg/enrollment-kiosk'],
    ['linux', {}, '/home/k/.config/enrollment-kiosk'],
    ['linux', { XDG_CONFIG_HOME: '' }, '/home/k/.config/enrollment-kiosk'],
    ['darwin', {}, '/home/k/Library/Application Support/enrollment-kiosk'],
  ] as const)('%s %j → %s', (platform, env, expected) => {
    expect(defaultUserDataDir(env, platform, '/home/k')).toBe(expected);
  });
});

describe('keychainAccount', () => {
  it('keys the token by customer and vendor host, so two endpoints never share a token', () => {
    expect(keychainAccount('acme', 'https://dfa.example:8443/deepfaceauth')).toBe('acme@dfa.example:8443');
    expect(keychainAccount('acme', 'https://other.example/deepfaceauth')).toBe('acme@other.example');
    expect(keychainAccount('demo-bank', null)).toBe('demo-bank@sandbox');
  });
});
