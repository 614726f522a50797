import { KioskError } from '../../domain/kiosk-error';

export interface RetryPolicy {
  /** Extra attempts after the first (reads: 2). */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** End of the call's time budget (epoch ms). */
  deadlineAt?: number;
  /** A retry starts only if at least this much of the budget is left after its pause. */
  minAttemptMs?: number;
  now?: () => number;
}

export const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Retry reads only on transport failures and on 502/503/504 (never on 500 or 4xx). */
export function isRetryable(err: unknown): boolean {
  if (!(err instanceof KioskError)) return false;
  if (err.code === 'network') return true;
  return err.code === 'server' && (err.httpStatus === 502 || err.httpStatus === 503 || err.httpStatus === 504);
}

/** Full-jitter exponential backoff: a random delay in [base·2^n / 2, base·2^n], capped. */
export function backoffDelay(attempt: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (policy.random() * ceiling) / 2);
}

/** Runs `fn`, retrying retryable failures per the policy. */
export async function withRetry<T>(fn: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= policy.retries || !isRetryable(err)) throw err;
      const delay = backoffDelay(attempt, policy);
      const now = (policy.now ?? Date.now)();
      // A retry with no real time left would only turn the actual error into a timeout.
      if (policy.deadlineAt !== undefined && now + delay + (policy.minAttemptMs ?? 1000) > policy.deadlineAt) throw err;
      await policy.sleep(delay);
    }
  }
}
