import { createLogger, type Logger } from '../../main/log/logger';

/** A debug-level logger whose lines are kept for assertions. */
export function captureLogger(): { logger: Logger; lines: string[]; text: () => string } {
  const lines: string[] = [];
  const logger = createLogger({ sink: (l) => lines.push(l), level: 'debug' });
  return { logger, lines, text: () => lines.join('\n') };
}
