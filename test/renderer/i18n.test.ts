import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en';
import { hi } from '../../renderer/src/i18n/hi';
import { createI18n } from '../../renderer/src/i18n';

describe('translations', () => {
  it('loads each language on demand and fills placeholders', async () => {
    const i18n = createI18n();
    expect(i18n.isLoaded('en')).toBe(false);
    expect(i18n.isLoaded('hi')).toBe(false);
    await i18n.load('hi');
    expect(i18n.isLoaded('hi')).toBe(true);
    expect(i18n.isLoaded('en')).toBe(false);
    expect(i18n.t('hi')('signIn.title')).toBe(hi.signIn.title);
    await i18n.load('en');
    expect(i18n.t('en')('app.kiosk', { id: 'K-7' })).toBe(en.app.kiosk.replace('{{id}}', 'K-7'));
  });

  it('falls back to English, then to the key; never returns an object for a section key', async () => {
    const i18n = createI18n();
    await i18n.load('en');
    // Hindi not loaded: English words, not an empty screen.
    expect(i18n.t('hi')('signIn.title')).toBe(en.signIn.title);
    expect(i18n.t('en')('no.such.key')).toBe('no.such.key');
    expect(i18n.t('en')('signIn')).toBe('signIn');
  });

  it('loads a language once, however often it is asked for', async () => {
    const i18n = createI18n();
    const [a, b] = [i18n.load('en'), i18n.load('en')];
    expect(a).toBe(b);
    await a;
  });
});
