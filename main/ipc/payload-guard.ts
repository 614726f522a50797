/** Limits on what one IPC request may carry before any schema looks at it. */
export interface PayloadLimits {
  /** Total characters across all strings and keys. */
  maxChars: number;
  /** Nesting depth of objects and arrays. */
  maxDepth: number;
  /** Keys and array items, all levels together. */
  maxEntries: number;
}

export const DEFAULT_PAYLOAD_LIMITS: PayloadLimits = { maxChars: 16_384, maxDepth: 4, maxEntries: 64 };

/**
 * Walks a structured-cloned request and stops at the first thing outside the limits, without
 * ever serialising it (a 1 MB string or a deep tree costs no more than the limit). Only plain
 * JSON-like data passes: strings, finite numbers, booleans, null, arrays and plain objects.
 * Returns a reason, or null when the payload is acceptable.
 */
export function checkPayload(value: unknown, limits: PayloadLimits = DEFAULT_PAYLOAD_LIMITS): string | null {
  let chars = 0;
  let entries = 0;

  function walk(v: unknown, depth: number): string | null {
    switch (typeof v) {
      case 'string':
        chars += v.length;
        return chars > limits.maxChars ? 'too large' : null;
      case 'number':
        return Number.isFinite(v) ? null : 'not a finite number';
      case 'boolean':
        return null;
      case 'object':
        break;
      default:
        return `unsupported type ${typeof v}`;
    }
    if (v === null) return null;
    if (depth >= limits.maxDepth) return 'too deep';
    if (Array.isArray(v)) {
      entries += v.length;
      if (entries > limits.maxEntries) return 'too many entries';
      for (const item of v) {
        const reason = walk(item, depth + 1);
        if (reason) return reason;
      }
      return null;
    }
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return 'not a plain object';
    const keys = Reflect.ownKeys(v);
    entries += keys.length;
    if (entries > limits.maxEntries) return 'too many entries';
    for (const key of keys) {
      if (typeof key !== 'string') return 'symbol key';
      chars += key.length;
      if (chars > limits.maxChars) return 'too large';
      const reason = walk((v as Record<string, unknown>)[key], depth + 1);
      if (reason) return reason;
    }
    return null;
  }

  return walk(value, 0);
}
