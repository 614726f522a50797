import type { FormEvent } from 'react';
import { useTranslation } from '../i18n';
import { Field } from '../components/field';
import { errorText } from '../components/error-text';
import { useKiosk } from '../store';

/** Find a registered customer by user name. */
export function FindScreen() {
  const { t } = useTranslation();
  const query = useKiosk((s) => s.profile.query);
  const busy = useKiosk((s) => s.profile.lookupBusy);
  const error = useKiosk((s) => s.profile.lookupError);
  const setQuery = useKiosk((s) => s.setQuery);
  const lookup = useKiosk((s) => s.lookup);

  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    void lookup();
  };
  const message = error ? (error.code === 'invalid-input' && !error.message ? t('find.invalid') : errorText(t, error, 'lookup')) : null;
  return (
    <main className="screen">
      <h2>{t('find.title')}</h2>
      <form onSubmit={onSubmit} noValidate>
        <Field name="query" label={t('find.userName')} hint={t('find.hint')} value={query} onChange={setQuery} error={message} autoFocus />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('find.busy') : t('find.submit')}
        </button>
      </form>
    </main>
  );
}
