import { FIRST_RENDER_MARK } from '../../renderer/src/perf-marks';
import { createIpcHarness } from '../../test/helpers/ipc-harness';
import { serveFolder } from '../../test/helpers/ui-bridge';
import type { BenchContext } from '../lib/context';
import { bootAnswers, openToFirstRender } from '../lib/pages';
import type { Row } from '../lib/report';
import { interleaved, median } from '../lib/stats';

const CPU_THROTTLE = 4;

/**
 * Why the budget is not met (1.36–1.51× and +416 to +533 ms in today's full runs on the build
 * machine; README, Performance). Module evaluation takes about as long for both pages. What
 * is left runs after it, on the main thread, at 4×: the English strings' chunk (lazy, as the
 * strings must be) 65–145 ms, React's first render of a real screen 85–185 ms, style, layout
 * and paint of its text and form controls 100–165 ms, and the passive effects with the
 * first field's focus 65–150 ms (the mark comes after the focus, when staff can type). Measured
 * on the sign-in screen, the kiosk's first screen until staff identity made it the unlock screen.
 */
const KNOWN_BREACH = 'a real first screen\'s render and layout vs an empty <h1>; CI holds it at 2.5× and +1000 ms';

/** Row 2: navigation start → the unlock screen's first render (the kiosk starts locked), CPU throttled 4×, vs the blank React app. */
export async function firstRender(ctx: BenchContext): Promise<Row> {
  const browser = await ctx.browser();
  const app = await serveFolder(ctx.builds.app);
  const base = await serveFolder(ctx.builds.baseline);
  // The kiosk starts locked: its first screen is the unlock screen.
  const ipc = await createIpcHarness(ctx.logger, { staff: null });
  try {
    const answers = await bootAnswers(ipc);
    const once = async (url: string): Promise<number> => {
      const opened = await openToFirstRender(browser, url, answers, CPU_THROTTLE);
      try {
        if (url.startsWith(app.origin) && !(await opened.page.getByRole('heading', { name: 'Unlock the kiosk' }).isVisible())) {
          throw new Error('the first-render mark was set but the unlock screen is not showing');
        }
        return opened.firstRender;
      } finally {
        await opened.close();
      }
    };
    // One unmeasured load of each warms the server and the browser process.
    await once(`${app.origin}/index.html`);
    await once(`${base.origin}/index.html`);
    const r = await interleaved(ctx.runs, () => once(`${app.origin}/index.html`), () => once(`${base.origin}/index.html`));
    const a = median(r.a);
    const b = median(r.b);
    return {
      id: '2',
      metric: 'First render, CPU 4× slower',
      unit: 'ms',
      app: a,
      baseline: b,
      ratio: a / b,
      budget: '≤ 1.3× and ≤ baseline + 100 ms',
      limits: [
        { what: 'ratio', value: a / b, max: 1.3, noisy: true, ciWaiver: { max: 2.5, reason: KNOWN_BREACH } },
        {
          what: 'app − baseline (ms)',
          value: a - b,
          max: 100,
          noisy: true,
          // Known breach (README, Performance): see KNOWN_BREACH.
          ciWaiver: { max: 1000, reason: KNOWN_BREACH },
        },
      ],
      runs: ctx.runs,
      note: `Navigation start → the "${FIRST_RENDER_MARK}" mark (set once the unlock screen is committed and its staff id focused; the baseline's once its <h1> is committed), reported by the page itself; each load in a fresh browser context; for both, window.kiosk answers with the real handlers' answers one task later (as IPC would).`,
      skipped: false,
    };
  } finally {
    await ipc.close();
    await app.close();
    await base.close();
  }
}
