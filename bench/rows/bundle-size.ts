import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { resolveConfig } from 'electron-vite';
import { build, type InlineConfig } from 'vite';
import { en } from '../../renderer/src/i18n/en';
import { hi } from '../../renderer/src/i18n/hi';
import type { BenchContext } from '../lib/context';
import type { Row } from '../lib/report';

/**
 * Builds with the renderer's Vite config from electron.vite.config.ts, as electron-vite
 * resolves it, changing only the output folder and, for another app, the root and the entry.
 */
export async function buildWithRendererConfig(outDir: string, other?: { root: string; html: string }): Promise<void> {
  const resolved = await resolveConfig({ logLevel: 'warn' }, 'build', 'production');
  const renderer = resolved.config?.renderer as InlineConfig | undefined;
  if (!renderer) throw new Error('electron.vite.config.ts has no renderer config');
  await build({
    ...renderer,
    ...(other ? { root: other.root } : {}),
    logLevel: 'warn',
    build: {
      ...renderer.build,
      outDir,
      emptyOutDir: true,
      // electron-vite's preset copies rolldownOptions over rollupOptions: set the entry in both.
      ...(other
        ? {
            rollupOptions: { ...renderer.build?.rollupOptions, input: { index: join(other.root, other.html) } },
            rolldownOptions: { ...renderer.build?.rolldownOptions, input: { index: join(other.root, other.html) } },
          }
        : {}),
    },
  });
}

/** The JS files a page loads before anything lazy: its module scripts and their modulepreloads. */
export function initialScripts(dir: string): string[] {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  if (srcs.length === 0) throw new Error(`no module script in ${dir}/index.html`);
  return [...new Set(srcs)].map((s) => join(dir, s));
}

function gzipBytes(files: readonly string[]): number {
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
}

/** Text that must never be in the initial chunk: phone metadata and each language's strings. */
function lazyMarkers(): { what: string; text: string }[] {
  return [
    { what: 'phone-number metadata', text: '"country_calling_codes"' },
    { what: 'English strings', text: en.app.cannotStart },
    { what: 'Hindi strings', text: hi.app.cannotStart },
  ];
}

/** Row 1: gzip bytes of the renderer's initial JS vs the minimal React app. */
export async function bundleSize(ctx: BenchContext): Promise<Row> {
  await buildWithRendererConfig(ctx.builds.app);
  await buildWithRendererConfig(ctx.builds.baseline, { root: join(ctx.root, 'bench', 'baseline'), html: 'index.html' });
  const appFiles = initialScripts(ctx.builds.app);
  const app = gzipBytes(appFiles);
  const baseline = gzipBytes(initialScripts(ctx.builds.baseline));
  const initialText = appFiles.map((f) => readFileSync(f, 'utf8')).join('\n');
  const eager = lazyMarkers().filter((m) => initialText.includes(m.text) || initialText.includes(JSON.stringify(m.text).slice(1, -1)));
  const ratio = app / baseline;
  // Not initial, but the first screen waits for it: the English strings' chunk.
  const english = readdirSync(join(ctx.builds.app, 'assets')).filter((f) => /^en-.*\.js$/.test(f));
  const englishBytes = gzipBytes(english.map((f) => join(ctx.builds.app, 'assets', f)));
  return {
    id: '1',
    metric: 'Renderer initial JS (gzip)',
    unit: 'bytes',
    app,
    baseline,
    ratio,
    budget: '≤ 1.6×; phone metadata and strings lazy',
    limits: [
      { what: 'ratio', value: ratio, max: 1.6, noisy: false },
      { what: 'eager lazy-only content', value: eager.length, max: 0, noisy: false },
    ],
    runs: 1,
    note:
      `Sizes are exact, so one build of each (same run, same config). Initial files: ${appFiles.length}.` +
      (eager.length ? ` In the initial chunk but must be lazy: ${eager.map((e) => e.what).join(', ')}.` : ' Phone metadata and both languages are outside the initial chunk.') +
      ` The first screen also fetches the English strings' chunk: ${englishBytes.toLocaleString('en-US')} B gzip.`,
    skipped: false,
  };
}
