import { redactText, redactValue } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

/** The one logger of the main process: every line passes through redaction. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** Registers a secret value (a token, a password) that must never appear in any line. */
  addSecret(value: string): void;
  /** Forgets a secret value once it is no longer in use. */
  removeSecret(value: string): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LoggerOptions {
  /** Receives each finished, redacted line (one JSON object, no trailing newline). */
  sink: (line: string) => void;
  level?: LogLevel;
  now?: () => Date;
}

/**
 * Creates the redacting logger. Field values under sensitive keys are masked, and every
 * string (message included) is scrubbed of registered secrets, e-mails and phone-like digits.
 */
export function createLogger(options: LoggerOptions): Logger {
  const secrets = new Set<string>();
  const min = ORDER[options.level ?? 'info'];
  const now = options.now ?? (() => new Date());

  function write(level: LogLevel, message: string, fields?: LogFields): void {
    if (ORDER[level] < min) return;
    const entry = {
      time: now().toISOString(),
      level,
      msg: redactText(message, secrets),
      ...(fields ? (redactValue(fields, secrets) as LogFields) : {}),
    };
    try {
      options.sink(JSON.stringify(entry));
    } catch {
      // A broken log sink must never take the kiosk down.
    }
  }

  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    addSecret: (v) => {
      if (v) secrets.add(v);
    },
    removeSecret: (v) => {
      secrets.delete(v);
    },
  };
}

/** A logger that writes JSON lines to stderr. */
export function createStderrLogger(level: LogLevel = 'info'): Logger {
  return createLogger({ sink: (line) => process.stderr.write(line + '\n'), level });
}

/** A logger that drops everything (tests, quiet CLI runs). */
export const silentLogger: Logger = createLogger({ sink: () => undefined, level: 'error' });
