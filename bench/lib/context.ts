import type { Browser } from '@playwright/test';
import type { Logger } from '../../main/log/logger';

export interface BenchContext {
  /** Fewer runs, for CI. */
  quick: boolean;
  /** Runs of each side of an A/B timing (≥ 15 in a full run). */
  runs: number;
  /** The project root. */
  root: string;
  /** The kiosk's renderer and the baseline app, both built by this run with the same Vite config. */
  builds: { app: string; baseline: string };
  /** One Chromium for the run (Debian's, with the fake camera), launched on first use. */
  browser(): Promise<Browser>;
  /** A logger that keeps its lines in memory (the services need one). */
  logger: Logger;
}
