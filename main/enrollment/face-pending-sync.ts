import { KioskError } from '../../domain/kiosk-error';
import type { DeepFaceAuthClient } from '../deepfaceauth/client';
import type { Logger } from '../log/logger';
import type { SessionService } from '../session/session-service';
import type { FacePendingList } from './face-pending-list';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface FacePendingSyncDeps {
  session: Pick<SessionService, 'withToken'>;
  client: Pick<DeepFaceAuthClient, 'enrollmentStatusAll'>;
  pending: Pick<FacePendingList, 'add'>;
  logger: Logger;
  now?: () => Date;
  /** How far back to ask (the list's own limit: 30 days). */
  days?: number;
  /** Rows asked per page, and pages at most (the list keeps 1,000 names). */
  pageCount?: number;
  maxPages?: number;
}

export interface FacePendingSyncResult {
  /** Names the vendor listed as draft (added to the list, or refreshed). */
  listed: number;
  pages: number;
  /** True when the last page was not reached (more pages than `maxPages`). */
  cut: boolean;
}

/**
 * Completes the face-pending list from the vendor's "status of all users" call
 * (`statusType` draft, the last 30 days): every user name it lists is added. Nothing is
 * removed (a name missing from the answer proves nothing), and when the call fails the local
 * list stands as it is. Names are never logged.
 */
export async function completeFacePendingList(deps: FacePendingSyncDeps): Promise<FacePendingSyncResult> {
  const now = (deps.now ?? (() => new Date()))().getTime();
  // The docs name no time zone for these dates (they are sent as UTC): the range reaches a day
  // past now, so a vendor that reads them in its own zone (IST is UTC+5:30) misses nothing.
  const to = new Date(now + DAY_MS);
  const from = new Date(now - (deps.days ?? 30) * DAY_MS);
  const pageCount = deps.pageCount ?? 100;
  const maxPages = deps.maxPages ?? 10;
  let listed = 0;
  let page = 1;
  for (;;) {
    const answer = await deps.session.withToken((token) => deps.client.enrollmentStatusAll(token, { statusType: 'draft', from, to, pageNumber: page, pageCount }));
    for (const userName of answer.data) deps.pending.add(userName);
    listed += answer.data.length;
    // The end: the vendor says this was the last page, or (when it does not say) a short page.
    const total = answer.totalStatusPageNumber;
    const last = total !== undefined ? page >= total : answer.data.length < pageCount;
    if (last || answer.data.length === 0) return { listed, pages: page, cut: false };
    if (page >= maxPages) return { listed, pages: page, cut: true };
    page += 1;
  }
}

/**
 * Runs `completeFacePendingList` and logs how it went; never throws (the sign-in that starts
 * it has already succeeded, and the local list stands on any failure).
 */
export async function completeFacePendingListQuietly(deps: FacePendingSyncDeps): Promise<FacePendingSyncResult | null> {
  try {
    const r = await completeFacePendingList(deps);
    deps.logger.info('face-pending list completed from the service', { listed: r.listed, pages: r.pages, cut: r.cut });
    return r;
  } catch (err) {
    const code = err instanceof KioskError ? err.code : 'internal';
    deps.logger.warn('face-pending list not completed from the service; the local list stands', { code });
    return null;
  }
}
