import type { KeychainBackend } from './token-store';

// The one file in the project that imports keytar. It is loaded lazily so that a machine
// without libsecret still starts and shows a clear "keychain unavailable" error.

/**
 * Loads keytar and returns it as a KeychainBackend. Rejects when the native module cannot
 * be loaded (missing libsecret, wrong ABI); the caller turns that into `keychain-unavailable`.
 */
export async function loadKeytarBackend(): Promise<KeychainBackend> {
  const mod = await import('keytar');
  const keytar = (mod as { default?: KeychainBackend }).default ?? (mod as unknown as KeychainBackend);
  return {
    getPassword: (s, a) => keytar.getPassword(s, a),
    setPassword: (s, a, p) => keytar.setPassword(s, a, p),
    deletePassword: (s, a) => keytar.deletePassword(s, a),
  };
}
