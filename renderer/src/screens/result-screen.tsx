import type { ComponentType } from 'react';
import { useTranslation } from '../i18n';
import { ScreenTitle } from '../components/screen-title';
import { useKiosk } from '../store';
import type { SubmissionStatus } from '../store/types';
import { CheckFailedResult } from './result/check-failed-result';
import { CheckingResult } from './result/checking-result';
import { DoneResult } from './result/done-result';
import { FailedResult } from './result/failed-result';
import { ReconciledResult } from './result/reconciled-result';
import { SubmittingResult } from './result/submitting-result';

/** What the result screen shows for each state of the submission. */
const BY_STATUS: Record<SubmissionStatus, ComponentType> = {
  // Idle only in passing (a wipe or a face retry moves on at once): shown as the submit's progress.
  idle: SubmittingResult,
  submitting: SubmittingResult,
  done: DoneResult,
  failed: FailedResult,
  checking: CheckingResult,
  'check-failed': CheckFailedResult,
  reconciled: ReconciledResult,
};

/** Progress, success, or an error that says what to do next; the draft survives every error. */
export function ResultScreen() {
  const { t } = useTranslation();
  const Body = useKiosk((s) => BY_STATUS[s.profile.submission.status]);
  // The title stays while the body changes, so the focus is not moved back to it.
  return (
    <main className="screen">
      <ScreenTitle focus>{t('result.title')}</ScreenTitle>
      <Body />
    </main>
  );
}
