import type { WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { ERR_ABORTED, guardEnrollmentContents } from '../../main/electron/enrollment-guards';
import type { EnrollmentHint } from '../../main/enrollment/enrollment-poll';
import { captureLogger } from '../helpers/capture-logger';

// The camera window's guards, called the way Electron 45 emits its web contents events: the
// listener types are taken from electron.d.ts of 45.x (`will-navigate`, `will-redirect` and
// `will-frame-navigate` get an Event with the params `url`, `isMainFrame`, `frame`…;
// `did-fail-load` gets (event, errorCode, errorDescription, validatedURL, isMainFrame, …)),
// so a guard that reads the wrong argument fails here.

type NavigateListener = (details: Electron.Event<Electron.WebContentsWillNavigateEventParams>, url: string) => void;
type RedirectListener = (details: Electron.Event<Electron.WebContentsWillRedirectEventParams>, url: string) => void;
type FrameListener = (details: Electron.Event<Electron.WebContentsWillFrameNavigateEventParams>) => void;
type FailListener = (event: Electron.Event, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean, frameProcessId: number, frameRoutingId: number) => void;
type GoneListener = (event: Electron.Event, details: Electron.RenderProcessGoneDetails) => void;

const ALLOWED = ['https://signzy.app', 'https://signzy.xyz'];
const PAGE = 'https://signzy.app/deepfaceauth/api/v1/iframe/enroll/portal/a/b';

function navEvent<T extends object>(params: T): Electron.Event<T> & { prevented: () => boolean } {
  let prevented = false;
  const event = { ...params, preventDefault: () => void (prevented = true), defaultPrevented: false };
  return Object.assign(event as unknown as Electron.Event<T>, { prevented: () => prevented });
}

function navigateParams(url: string, isMainFrame = true): Electron.WebContentsWillNavigateEventParams {
  return { url, isSameDocument: false, isMainFrame, frame: null, initiator: null };
}

function guarded(options: { production?: boolean; showing?: string } = {}) {
  const listeners = new Map<string, (...args: never[]) => unknown>();
  let openHandler: ((details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse) | null = null;
  let url = options.showing ?? '';
  const contents = {
    on: (event: string, listener: (...args: never[]) => unknown) => {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler: (h: (details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse) => void (openHandler = h),
    getURL: () => url,
  };
  const hints: EnrollmentHint[] = [];
  const cap = captureLogger();
  guardEnrollmentContents(contents as unknown as WebContents, { origins: ALLOWED, production: options.production ?? true, logger: cap.logger, onHint: (h) => hints.push(h) });
  const on = <L>(name: string): L => {
    const l = listeners.get(name);
    if (!l) throw new Error(`no ${name} listener`);
    return l as unknown as L;
  };
  return {
    hints,
    cap,
    show: (u: string) => void (url = u),
    navigate: (u: string) => {
      const e = navEvent(navigateParams(u));
      on<NavigateListener>('will-navigate')(e, u);
      return e.prevented();
    },
    redirect: (u: string) => {
      const e = navEvent({ ...navigateParams(u), isInPlace: false, httpResponseCode: 302 });
      on<RedirectListener>('will-redirect')(e, u);
      return e.prevented();
    },
    frame: (u: string, isMainFrame = false) => {
      const e = navEvent(navigateParams(u, isMainFrame));
      on<FrameListener>('will-frame-navigate')(e);
      return e.prevented();
    },
    failLoad: (errorCode: number, isMainFrame = true) => on<FailListener>('did-fail-load')(navEvent({}), errorCode, 'ERR', PAGE, isMainFrame, 1, 1),
    gone: (reason: Electron.RenderProcessGoneDetails['reason']) => on<GoneListener>('render-process-gone')(navEvent({}), { reason, exitCode: 1 }),
    windowOpen: () => openHandler!({ url: 'https://signzy.app/popup', frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'no-referrer' }, postBody: undefined as never }),
    webview: () => {
      const e = navEvent({});
      on<(event: Electron.Event) => void>('will-attach-webview')(e);
      return e.prevented();
    },
    key: (input: Partial<Electron.Input>) => {
      const e = navEvent({});
      on<(event: Electron.Event, input: Electron.Input) => void>('before-input-event')(e, { type: 'keyDown', key: '', code: '', isAutoRepeat: false, isComposing: false, shift: false, control: false, alt: false, meta: false, location: 0, modifiers: [], ...input } as Electron.Input);
      return e.prevented();
    },
  };
}

describe('the camera window guards (Electron 45 event shapes)', () => {
  it('lets the vendor page move between the allowed origins: main frame, redirects, sub-frames', () => {
    const g = guarded({ showing: PAGE });
    expect(g.navigate('https://signzy.xyz/deepfaceauth/next')).toBe(false);
    expect(g.redirect('https://signzy.app/deepfaceauth/capture')).toBe(false);
    expect(g.frame('https://signzy.xyz/widget')).toBe(false);
    expect(g.frame('about:blank')).toBe(false);
    expect(g.hints).toEqual([]);
  });

  it.each([
    ['a navigation', (g: ReturnType<typeof guarded>) => g.navigate('https://evil.example/')],
    ['a redirect', (g: ReturnType<typeof guarded>) => g.redirect('https://signzy.app.evil.example/')],
    ['a sub-frame', (g: ReturnType<typeof guarded>) => g.frame('https://ads.example/frame')],
    ['a main-frame navigation seen as a frame', (g: ReturnType<typeof guarded>) => g.frame('http://signzy.app/', true)],
  ])('blocks %s elsewhere and ends the recording at once', (_name, act) => {
    const g = guarded({ showing: PAGE });
    expect(act(g)).toBe(true);
    expect(g.hints).toEqual(['page-blocked']);
    expect(g.cap.text()).toContain('re-enrollment navigation blocked');
    // The blocked address is not logged: it is untrusted text.
    expect(g.cap.text()).not.toMatch(/evil|ads\.example/);
  });

  it('a main-frame load that fails ends it; an aborted load ends it only when no vendor page is showing', () => {
    const blank = guarded({ showing: '' });
    blank.failLoad(ERR_ABORTED);
    expect(blank.hints).toEqual(['load-failed']);

    const showing = guarded({ showing: PAGE });
    showing.failLoad(ERR_ABORTED);
    expect(showing.hints).toEqual([]);
    showing.failLoad(-3, false);
    showing.failLoad(-105, false);
    expect(showing.hints).toEqual([]);
    showing.failLoad(-105);
    expect(showing.hints).toEqual(['load-failed']);

    const aboutBlank = guarded({ showing: 'about:blank' });
    aboutBlank.failLoad(ERR_ABORTED);
    expect(aboutBlank.hints).toEqual(['load-failed']);
  });

  it('reports a crashed page, not a clean exit', () => {
    const g = guarded({ showing: PAGE });
    g.gone('clean-exit');
    expect(g.hints).toEqual([]);
    g.gone('crashed');
    expect(g.hints).toEqual(['window-crashed']);
  });

  it('denies new windows and <webview>', () => {
    const g = guarded({ showing: PAGE });
    expect(g.windowOpen()).toEqual({ action: 'deny' });
    expect(g.webview()).toBe(true);
  });

  it('blocks reload and DevTools shortcuts in production only', () => {
    expect(guarded({ production: true }).key({ key: 'F5', code: 'F5' })).toBe(true);
    expect(guarded({ production: true }).key({ key: 'a', code: 'KeyA' })).toBe(false);
    expect(guarded({ production: false }).key({ key: 'F5', code: 'F5' })).toBe(false);
  });
});
