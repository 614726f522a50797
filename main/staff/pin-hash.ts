import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt cost: N = 2^15, r = 8, p = 1 (32 MiB, tens of milliseconds a guess). */
const PARAMS = { N: 32_768, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const MAX_MEM = 64 * 1024 * 1024;

function derive(secret: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, KEY_BYTES, { ...params, maxmem: MAX_MEM }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** The stored form of a PIN: `scrypt$N$r$p$salt$hash` (base64url), never the PIN. */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(pin, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

const STORED = /^scrypt\$(\d{1,7})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9_-]{16,64})\$([A-Za-z0-9_-]{43})$/;

/** True when `stored` is a PIN hash this module can check. */
export function isPinHash(stored: string): boolean {
  const m = STORED.exec(stored);
  if (!m) return false;
  const N = Number(m[1]);
  return N >= 16_384 && N <= 1_048_576 && (N & (N - 1)) === 0 && Number(m[2]) >= 8 && Number(m[3]) >= 1;
}

/** A hash of nothing anyone knows: checked against when a staff id is unknown, so the answer takes as long. */
let decoy: Promise<string> | null = null;

/**
 * Checks a PIN against its stored hash in constant time; a malformed hash never matches.
 * With `stored` null (an unknown staff id) the same work is done against a decoy.
 */
export async function verifyPin(pin: string, stored: string | null): Promise<boolean> {
  const against = stored ?? (await (decoy ??= hashPin(randomBytes(16).toString('hex'))));
  const m = STORED.exec(against);
  if (!m || !isPinHash(against)) return false;
  const expected = Buffer.from(m[5] ?? '', 'base64url');
  const key = await derive(pin, Buffer.from(m[4] ?? '', 'base64url'), { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) });
  return timingSafeEqual(key, expected) && stored !== null;
}
