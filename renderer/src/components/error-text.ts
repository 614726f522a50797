import type { TFunction } from '../i18n';
import type { ErrorInfo } from '../store/types';
import { NOT_REGISTERED } from '../../../domain/vendor-messages';

/**
 * The words staff read for an error: translated by code; the vendor's own words when it
 * refused. `lookup` marks an answer to a customer lookup, where "not registered" is the news.
 */
export function errorText(t: TFunction, error: ErrorInfo, context: 'lookup' | 'other' = 'other'): string {
  if (context === 'lookup' && error.code === 'rejected' && NOT_REGISTERED.test(error.message)) return t('errors.notFound');
  if (error.code === 'rejected' && error.message) return `${t('errors.code.rejected')} ${t('result.vendorMessage', { message: error.message })}`;
  // Main's own words for input it refused (English): after the translated summary.
  if (error.code === 'invalid-input' && error.message) return `${t('errors.code.invalid-input')} (${error.message})`;
  return t(`errors.code.${error.code}`);
}
