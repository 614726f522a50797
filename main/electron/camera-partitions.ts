import { session as electronSession, type Session } from 'electron';
import type { Logger } from '../log/logger';
import { createPartitionPool, type PartitionPool, type PoolSession } from '../enrollment/partition-pool';
import { lockDownToVideo } from './video-only-session';

/** A camera partition: Electron's session, and what the pool asks of it. */
export interface CameraPartition extends PoolSession {
  readonly electron: Session;
}

/**
 * Wraps a partition's session for the pool: the reset steps are Electron's own, and
 * `leftovers` lists what main can see of an earlier customer (a storage folder on disk, which
 * an in-memory partition never has; cookies; cached bytes; running service workers).
 */
export function cameraPartition(ses: Session): CameraPartition {
  return {
    electron: ses,
    closeAllConnections: () => ses.closeAllConnections(),
    clearStorageData: () => ses.clearStorageData(),
    clearCache: () => ses.clearCache(),
    clearAuthCache: () => ses.clearAuthCache(),
    clearHostResolverCache: () => ses.clearHostResolverCache(),
    async leftovers() {
      const left: string[] = [];
      if (ses.getStoragePath() !== null) left.push('a storage folder');
      if ((await ses.cookies.get({})).length > 0) left.push('cookies');
      if ((await ses.getCacheSize()) > 0) left.push('cached data');
      if (Object.keys(ses.serviceWorkers.getAllRunning()).length > 0) left.push('service workers');
      return left;
    },
  };
}

/**
 * The pool of camera partitions of one kind (`enroll`: the re-enrollment windows, two;
 * `camcheck`: the camera check, one), each locked down to video for `origins` once, when
 * first used; `setup` adds what a kind needs besides (the camera check serves the app's
 * files).
 */
export function cameraPartitionPool(options: {
  prefix: string;
  size: number;
  origins: readonly string[];
  logger: Logger;
  setup?: (ses: Session) => void;
}): PartitionPool<CameraPartition> {
  return createPartitionPool({
    prefix: options.prefix,
    size: options.size,
    logger: options.logger,
    open: (partition) => {
      const ses = electronSession.fromPartition(partition);
      lockDownToVideo(ses, options.origins, options.logger);
      options.setup?.(ses);
      return cameraPartition(ses);
    },
  });
}
