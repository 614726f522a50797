/** Where the access token lives between runs. Implementations never write it anywhere else. */
export interface TokenStore {
  /** The stored token, or null when there is none. Throws `keychain-unavailable`. */
  get(): Promise<string | null>;
  set(token: string): Promise<void>;
  /** Removes the token from memory and the keychain. */
  clear(): Promise<void>;
}

/** The three keychain operations, as keytar offers them. */
export interface KeychainBackend {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** Keychain service name under which the kiosk keeps its token. */
export const KEYCHAIN_SERVICE = 'enrollment-kiosk';

/** The keychain account for one vendor endpoint and customer account. */
export function keychainAccount(customerName: string, baseUrl: string | null): string {
  const host = baseUrl ? new URL(baseUrl).host : 'sandbox';
  return `${customerName}@${host}`;
}
