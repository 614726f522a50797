import { loadKeytarBackend } from '../../main/secrets/keytar-backend';
import type { KeychainBackend } from '../../main/secrets/token-store';

export interface CountingBackend {
  load(): Promise<KeychainBackend>;
  reads(): number;
  calls(): number;
  /** Settles when every keychain call made so far has really finished (hung ones included). */
  idle(): Promise<void>;
}

/** The real keytar backend, counting what reaches the keychain. */
export function countingKeytar(): CountingBackend {
  let reads = 0;
  let calls = 0;
  const pending = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    calls++;
    pending.add(p);
    void p.catch(() => undefined).finally(() => pending.delete(p));
    return p;
  };
  return {
    async load() {
      const real = await loadKeytarBackend();
      return {
        getPassword: (s, a) => {
          reads++;
          return track(real.getPassword(s, a));
        },
        setPassword: (s, a, p) => track(real.setPassword(s, a, p)),
        deletePassword: (s, a) => track(real.deletePassword(s, a)),
      };
    },
    reads: () => reads,
    calls: () => calls,
    idle: async () => {
      await Promise.allSettled([...pending]);
    },
  };
}
