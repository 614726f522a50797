import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import rosetta from 'rosetta';
import type { Translation } from './en';
import type { Locale } from '../../../domain/locales';

export { LOCALES, type Locale } from '../../../domain/locales';

/** The language every key exists in (en.ts defines them): what a missing string falls back to. */
export const FALLBACK_LOCALE: Locale = 'en';

// Translations with rosetta (a few hundred bytes: dot-path keys and {{name}} placeholders)
// and a small React context. Each language is its own chunk, loaded the first time it is
// used, from the app's own files.

/** Translates a dot-path key, filling `{{name}}` placeholders from `params`. */
export type TFunction = (key: string, params?: Record<string, string | number>) => string;

const LOADERS: Record<Locale, () => Promise<Translation>> = {
  en: () => import('./en').then((m) => m.en),
  hi: () => import('./hi').then((m) => m.hi),
};

export interface I18n {
  /** Loads a language's strings (once); resolves when they can be shown. */
  load(locale: Locale): Promise<void>;
  isLoaded(locale: Locale): boolean;
  /** The translate function of a loaded language; a missing key falls back to English, then to the key. */
  t(locale: Locale): TFunction;
}

export function createI18n(): I18n {
  const strings = rosetta<Translation>();
  const loading = new Map<Locale, Promise<void>>();
  const loaded = new Set<Locale>();
  const lookup = (locale: Locale, key: string, params?: Record<string, string | number>): string => {
    const value: unknown = strings.t(key, params, locale);
    return typeof value === 'string' ? value : '';
  };
  return {
    load(locale) {
      let p = loading.get(locale);
      if (!p) {
        p = LOADERS[locale]().then((table) => {
          strings.set(locale, table);
          loaded.add(locale);
        });
        // A failed load may be tried again (e.g. on the next language switch).
        p.catch(() => loading.delete(locale));
        loading.set(locale, p);
      }
      return p;
    },
    isLoaded: (locale) => loaded.has(locale),
    t: (locale) => (key, params) => lookup(locale, key, params) || (locale !== FALLBACK_LOCALE ? lookup(FALLBACK_LOCALE, key, params) : '') || key,
  };
}

const TranslationContext = createContext<{ t: TFunction; locale: Locale } | null>(null);

/**
 * Provides `t` for `locale`. A language that is not loaded yet is loaded first; until then
 * the previous language stays on screen (never a flash of keys). If it cannot be loaded,
 * `onUnavailable` is told which language stays on screen. Sets the page's `lang`.
 */
export function I18nProvider({
  i18n,
  locale,
  onUnavailable,
  children,
}: {
  i18n: I18n;
  locale: Locale;
  onUnavailable?: (shown: Locale) => void;
  children: ReactNode;
}) {
  const [shown, setShown] = useState<Locale>(() => (i18n.isLoaded(locale) ? locale : FALLBACK_LOCALE));
  const shownRef = useRef(shown);
  shownRef.current = shown;
  useEffect(() => {
    let current = true;
    if (i18n.isLoaded(locale)) setShown(locale);
    else
      void i18n.load(locale).then(
        () => current && setShown(locale),
        () => current && onUnavailable?.(shownRef.current),
      );
    return () => {
      current = false;
    };
  }, [i18n, locale, onUnavailable]);
  useEffect(() => {
    document.documentElement.lang = shown;
  }, [shown]);
  const value = useMemo(() => ({ t: i18n.t(shown), locale: shown }), [i18n, shown]);
  return <TranslationContext.Provider value={value}>{children}</TranslationContext.Provider>;
}

/** The translate function of the language on screen. */
export function useTranslation(): { t: TFunction; locale: Locale } {
  const value = useContext(TranslationContext);
  if (!value) throw new Error('useTranslation outside I18nProvider');
  return value;
}
