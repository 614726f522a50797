import { KioskError } from '../../domain/kiosk-error';
import type { KeychainBackend } from '../secrets/token-store';

/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  stdinIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  readFile: (path: string) => Promise<string | null>;
  userDataDir: string;
  /** The operating-system user running kioskctl: its changes are audited as `cli:<user>`. */
  osUser: string;
  loadBackend?: () => Promise<KeychainBackend>;
  /** Called by `sandbox` to wait until the process is asked to stop. */
  waitForStop?: () => Promise<void>;
}

/** Reads a stream to its end as UTF-8, bounded. */
export async function readAll(stream: NodeJS.ReadableStream, maxBytes = 64 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > maxBytes) throw new KioskError('invalid-input', `Standard input is larger than ${Math.round(maxBytes / 1024)} KB.`);
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}
