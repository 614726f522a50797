import { KioskError } from '../../domain/kiosk-error';
import type { Logger } from '../log/logger';
import { resetEnrollment, type ResettableSession, type ResettableWindow } from './enrollment-reset';

/** A camera partition's session as the pool sees it: it can be wiped and asked what is left. */
export interface PoolSession extends ResettableSession {
  /**
   * What of an earlier customer main can still see in the partition (cookies, cached bytes,
   * running service workers, a storage folder on disk); empty: nothing.
   */
  leftovers(): Promise<string[]>;
}

/** One partition handed out for one camera window. */
export interface PartitionLease<S> {
  readonly partition: string;
  readonly session: S;
  /**
   * Destroys the window, wipes the partition (connections, storage, cache, auth and host
   * caches) and checks it is empty; a partition that is not is never handed out again.
   * Idempotent: a second call answers the first one's result.
   */
  release(window: ResettableWindow | null): Promise<{ ok: boolean }>;
}

export interface PartitionPool<S> {
  /** A wiped partition that has been checked empty; refused (KioskError) when none is. */
  acquire(): Promise<PartitionLease<S>>;
  /** Partitions neither in use nor retired. */
  free(): number;
}

export interface PartitionPoolOptions<S extends PoolSession> {
  /** Partition names are `${prefix}-0` … (in memory: no `persist:` prefix, never on disk). */
  prefix: string;
  /** How many partitions there are at most (camera windows: 2; the camera check: 1). */
  size: number;
  /** The session of a partition (Electron: `session.fromPartition`, locked down once). */
  open(partition: string): S;
  logger: Logger;
}

/**
 * A bounded pool of camera partitions reused between customers, instead of a new in-memory
 * partition per use that is never freed. Each partition is wiped when its window closes and
 * checked empty again before it is handed out; one that cannot be emptied is retired for the
 * rest of the run (logged), and when none is left the camera window does not open.
 */
export function createPartitionPool<S extends PoolSession>(options: PartitionPoolOptions<S>): PartitionPool<S> {
  const { logger } = options;
  if (!Number.isInteger(options.size) || options.size < 1) throw new RangeError('pool size must be a positive integer');
  type Slot = { partition: string; session: S | null; busy: boolean; retired: boolean };
  const slots: Slot[] = Array.from({ length: options.size }, (_, i) => ({ partition: `${options.prefix}-${i}`, session: null, busy: false, retired: false }));
  const sessionOf = (slot: Slot): S => (slot.session ??= options.open(slot.partition));

  /** Leftovers of a partition; a check that fails counts as something left. */
  async function leftovers(slot: Slot): Promise<string[]> {
    try {
      return await sessionOf(slot).leftovers();
    } catch {
      return ['the check failed'];
    }
  }

  async function wipeAndCheck(slot: Slot, window: ResettableWindow | null): Promise<boolean> {
    const reset = await resetEnrollment(window, sessionOf(slot), logger);
    const left = await leftovers(slot);
    if (reset.ok && left.length === 0) return true;
    slot.retired = true;
    logger.error('camera partition could not be emptied; it is not used again', { partition: slot.partition, left: left.join(', ') });
    return false;
  }

  return {
    async acquire() {
      for (const slot of slots) {
        if (slot.busy || slot.retired) continue;
        slot.busy = true;
        // Checked before every use: what a crash or a failed wipe may have left is wiped again.
        if ((await leftovers(slot)).length > 0 && !(await wipeAndCheck(slot, null))) {
          slot.busy = false;
          continue;
        }
        let released: Promise<{ ok: boolean }> | null = null;
        return {
          partition: slot.partition,
          session: sessionOf(slot),
          release: (window) =>
            (released ??= wipeAndCheck(slot, window).then((ok) => {
              slot.busy = false;
              return { ok };
            })),
        };
      }
      if (slots.every((s) => s.retired)) {
        throw new KioskError('internal', 'The camera window cannot be opened: its storage from an earlier customer could not be cleared. Restart the kiosk, and call branch IT if this happens again.');
      }
      throw new KioskError('internal', 'The camera window of the last customer is still being cleared. Try again in a moment.');
    },
    free: () => slots.filter((s) => !s.busy && !s.retired).length,
  };
}
