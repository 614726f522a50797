import { createIpcHarness, KIOSK_CONTENTS_ID } from '../../test/helpers/ipc-harness';
import { serveFolder } from '../../test/helpers/ui-bridge';
import type { BenchContext } from '../lib/context';
import { heapAfterGc, openToFirstRender } from '../lib/pages';
import type { Row } from '../lib/report';
import { interleaved, median } from '../lib/stats';
import { signIn, updateCycle } from '../lib/ui-cycle';

const MB = 1024 * 1024;
const CYCLES = 20;

/**
 * Row 8: JS heap after the first render vs the blank app, and its growth over 20 complete
 * update cycles. Growth is measured from after one warm-up cycle (which loads the lazy phone
 * rules and compiles each screen once) to after 20 more, so it shows what each cycle leaves.
 */
export async function memory(ctx: BenchContext): Promise<Row> {
  const browser = await ctx.browser();
  const app = await serveFolder(ctx.builds.app);
  const base = await serveFolder(ctx.builds.baseline);
  const ipc = await createIpcHarness(ctx.logger, { appOrigin: app.origin });
  try {
    const heapAtFirstRender = async (url: string): Promise<number> => {
      const opened = await openToFirstRender(browser, url, ipc, 1);
      try {
        return await heapAfterGc(opened.cdp);
      } finally {
        await opened.close();
      }
    };
    const r = await interleaved(ctx.runs, () => heapAtFirstRender(`${app.origin}/index.html`), () => heapAtFirstRender(`${base.origin}/index.html`));
    const a = median(r.a) / MB;
    const b = median(r.b) / MB;

    const growthRuns = ctx.quick ? 3 : 5;
    const growth: number[] = [];
    for (let run = 0; run < growthRuns; run++) {
      const opened = await openToFirstRender(browser, `${app.origin}/index.html`, ipc, 1);
      try {
        await signIn(opened.page);
        await updateCycle(opened.page, 'ravi.kumar', 'Ravi Kumar Warm');
        const before = await heapAfterGc(opened.cdp);
        for (let i = 0; i < CYCLES; i++) await updateCycle(opened.page, 'ravi.kumar', i % 2 ? 'Ravi Kumar Odd' : 'Ravi Kumar Even');
        const after = await heapAfterGc(opened.cdp);
        growth.push((after - before) / MB);
      } finally {
        await opened.close();
      }
      // Signed out for the next run, which starts at the vendor sign-in (the supervisor stays unlocked).
      const out = await ipc.invoke('session:sign-out', {}, { webContentsId: KIOSK_CONTENTS_ID, isMainFrame: true, frameUrl: `${app.origin}/index.html` });
      if (!out.ok) throw new Error(`sign-out failed: ${out.error.message}`);
    }
    const g = median(growth);
    return {
      id: '8',
      metric: 'JS heap at first render (and growth)',
      unit: 'MB',
      app: a,
      baseline: b,
      ratio: a / b,
      budget: `≤ baseline + 10 MB; growth over ${CYCLES} cycles ≤ 1 MB`,
      limits: [
        { what: 'app − baseline (MB)', value: a - b, max: 10, noisy: true },
        { what: `growth over ${CYCLES} cycles (MB)`, value: g, max: 1, noisy: true },
      ],
      runs: ctx.runs,
      note: `Used JS heap after two forced GCs. Growth over ${CYCLES} update cycles (find, edit, review, confirm, done), median of ${growthRuns} runs: ${g.toFixed(3)} MB (runs: ${growth.map((x) => x.toFixed(3)).join(', ')}).`,
      skipped: false,
    };
  } finally {
    await ipc.close();
    await app.close();
    await base.close();
  }
}
