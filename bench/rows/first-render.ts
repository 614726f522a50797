import { FIRST_RENDER_MARK } from '../../renderer/src/perf-marks';
import { createIpcHarness } from '../../test/helpers/ipc-harness';
import { serveFolder } from '../../test/helpers/ui-bridge';
import type { BenchContext } from '../lib/context';
import { bootAnswers, openToFirstRender } from '../lib/pages';
import type { Row } from '../lib/report';
import { interleaved, median } from '../lib/stats';

const CPU_THROTTLE = 4;

/**
 * Why the budget is not met yet (1.3–1.7× and +360–620 ms in full runs on the build
 * machine). After the bundle work (no i18next, zod/mini, lazy languages and staff screens)
 * the app's JS start-up is close to React's own; what is left is rendering and laying out a
 * real screen (header, notices, a form, text in the kiosk's fonts, the focused password)
 * vs an empty <h1>, plus fetching the English strings' chunk.
 */
const KNOWN_BREACH = 'a real sign-in screen\'s render and layout vs an empty <h1>; CI holds it at 2.5× and +1000 ms';

/** Row 2: navigation start → sign-in screen's first render, CPU throttled 4×, vs the blank React app. */
export async function firstRender(ctx: BenchContext): Promise<Row> {
  const browser = await ctx.browser();
  const app = await serveFolder(ctx.builds.app);
  const base = await serveFolder(ctx.builds.baseline);
  const ipc = await createIpcHarness(ctx.logger);
  try {
    const answers = await bootAnswers(ipc);
    const once = async (url: string): Promise<number> => {
      const opened = await openToFirstRender(browser, url, answers, CPU_THROTTLE);
      try {
        if (url.startsWith(app.origin) && !(await opened.page.getByRole('heading', { name: 'Staff sign-in' }).isVisible())) {
          throw new Error('the first-render mark was set but the sign-in screen is not showing');
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
      note: `Navigation start → the "${FIRST_RENDER_MARK}" mark (sign-in screen's first commit; the baseline's <h1>), each load in a fresh browser context; for both, window.kiosk answers with the real handlers' answers one task later (as IPC would).`,
      skipped: false,
    };
  } finally {
    await ipc.close();
    await app.close();
    await base.close();
  }
}
