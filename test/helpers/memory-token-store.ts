import type { TokenStore } from '../../main/secrets/token-store';

/** An in-memory TokenStore for service tests (the real one is tested against gnome-keyring). */
export function memoryTokenStore(initial: string | null = null): TokenStore & { value: () => string | null; clears: number } {
  let value = initial;
  const s = {
    clears: 0,
    get: async () => value,
    set: async (t: string) => void (value = t),
    clear: async () => {
      s.clears++;
      value = null;
    },
    value: () => value,
  };
  return s;
}
