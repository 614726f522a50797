import type { FormEvent } from 'react';
import { useTranslation } from '../i18n';
import { Field } from '../components/field';
import { Notice } from '../components/notice';
import { ScreenTitle } from '../components/screen-title';
import { displayPhone } from '../form/profile-draft';
import { useKiosk } from '../store';
import { ID_CHECKS } from '../../../domain/staff/staff-rules';

/** Edit the four fields and choose a face update; errors appear next to each field as staff type. */
export function EditScreen() {
  const { t } = useTranslation();
  const customer = useKiosk((s) => s.profile.customer);
  const draft = useKiosk((s) => s.profile.draft);
  const errors = useKiosk((s) => s.profile.fieldErrors);
  const formError = useKiosk((s) => s.profile.formError);
  const formMessage = useKiosk((s) => s.profile.formMessage);
  const nameCheck = useKiosk((s) => s.profile.nameCheck);
  const busy = useKiosk((s) => s.profile.reviewBusy);
  const setField = useKiosk((s) => s.setField);
  const setFace = useKiosk((s) => s.setFace);
  const idCheck = useKiosk((s) => s.profile.idCheck);
  const setIdCheck = useKiosk((s) => s.setIdCheck);
  const review = useKiosk((s) => s.review);
  const wipe = useKiosk((s) => s.wipeCustomer);
  if (!customer || !draft) return null;

  const err = (key: string | undefined): string | null => (key ? t(`errors.${key}`) : null);
  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    void review();
  };
  return (
    <main className="screen">
      <ScreenTitle focus>{t('edit.title')}</ScreenTitle>
      <section className="current" aria-labelledby="current-title">
        <h3 id="current-title">{t('edit.current')}</h3>
        <dl>
          <dt>{t('fields.userName')}</dt>
          <dd>{customer.userName}</dd>
          <dt>{t('fields.fullName')}</dt>
          <dd>{customer.fullName}</dd>
          <dt>{t('fields.emailId')}</dt>
          <dd>{customer.emailId}</dd>
          <dt>{t('fields.phoneNumber')}</dt>
          <dd>{displayPhone(customer)}</dd>
        </dl>
        <p>{t('edit.enrollmentLink', { state: customer.hasEnrollmentLink ? t('edit.linkYes') : t('edit.linkNo') })}</p>
        {customer.facePending && (
          <Notice kind="warning">
            <p>{t('face.pendingNotice')}</p>
            {!draft.face && (
              <button type="button" className="secondary" onClick={() => setFace(true)}>
                {t('face.pendingAction')}
              </button>
            )}
          </Notice>
        )}
      </section>
      <form onSubmit={onSubmit} noValidate>
        <fieldset className="id-check" disabled={busy} aria-describedby="id-check-hint">
          <legend>{t('edit.idCheck')}</legend>
          <p id="id-check-hint" className="hint">
            {t('edit.idCheckHint')}
          </p>
          <div className="id-check-options">
            {ID_CHECKS.map((c) => (
              <label key={c} className="check">
                <input type="radio" name="idCheck" value={c} checked={idCheck === c} onChange={() => setIdCheck(c)} />
                <span>{t(`edit.idChecks.${c}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="plain" disabled={busy}>
        <Field name="userName" label={t('edit.userName')} hint={t('edit.userNameHint')} value={draft.userName} onChange={(v) => setField('userName', v)} error={err(errors.userName)} />
        {nameCheck === 'available' && <Notice kind="success">{t('edit.nameAvailable')}</Notice>}
        <Field name="fullName" label={t('edit.fullName')} value={draft.fullName} onChange={(v) => setField('fullName', v)} error={err(errors.fullName)} autoComplete="off" />
        <Field name="emailId" type="email" inputMode="email" label={t('edit.emailId')} value={draft.emailId} onChange={(v) => setField('emailId', v)} error={err(errors.emailId)} />
        <Field name="phoneNumber" type="tel" inputMode="tel" label={t('edit.phoneNumber')} hint={t('edit.phoneHint')} value={draft.phoneNumber} onChange={(v) => setField('phoneNumber', v)} error={err(errors.phoneNumber)} />
        <label className="check">
          <input type="checkbox" name="face" checked={draft.face} onChange={(e) => setFace(e.target.checked)} />
          <span>{t('edit.face')}</span>
        </label>
        </fieldset>
        {formError && <Notice kind="error">{t(`errors.${formError}`)}</Notice>}
        {formMessage && <Notice kind="error">{`${t('errors.code.invalid-input')} (${formMessage})`}</Notice>}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('edit.checking') : t('edit.review')}
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={wipe}>
            {t('edit.cancel')}
          </button>
        </div>
      </form>
    </main>
  );
}
