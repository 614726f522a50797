import http from 'node:http';
import https from 'node:https';

/** What a transport reports for one exchange. */
export type TransportOutcome =
  | { kind: 'response'; status: number; contentType: string; body: string }
  /** Failed before the request was fully written: the server cannot have acted on it. */
  | { kind: 'not-sent'; reason: 'network' | 'timeout' | 'tls' }
  /** Failed after the request was written: the server may or may not have acted on it. */
  | { kind: 'sent-no-answer'; reason: 'network' | 'timeout' }
  | { kind: 'too-large' }
  /** The request could not even be built (e.g. a header value Node refuses). */
  | { kind: 'local-error' };

export interface TransportRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Total deadline for connect, request, headers and body. */
  deadlineMs: number;
}

export type Transport = (request: TransportRequest) => Promise<TransportOutcome>;

const MAX_RESPONSE_BYTES = 1024 * 1024;

/**
 * POSTs over node:http/https with one deadline for the whole exchange. It tells apart a
 * failure before the request was fully sent from one after (which matters for updates) and
 * caps the response size. It never throws.
 */
export function createHttpTransport(options: { agent?: http.Agent } = {}): Transport {
  return (request) =>
    new Promise<TransportOutcome>((resolve) => {
      const url = new URL(request.url);
      const lib = url.protocol === 'https:' ? https : http;
      let settled = false;
      let sent = false;
      const finish = (outcome: TransportOutcome): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
      };
      const fail = (reason: 'network' | 'timeout'): void =>
        finish(sent ? { kind: 'sent-no-answer', reason } : { kind: 'not-sent', reason });
      // A TLS failure before the request went out is "not trusted"; after it, a broken exchange.
      const failTls = (): void => (sent ? fail('network') : finish({ kind: 'not-sent', reason: 'tls' }));

      const payload = Buffer.from(request.body, 'utf8');
      let req: http.ClientRequest;
      try {
        req = lib.request(url, {
          method: 'POST',
          headers: { ...request.headers, 'Content-Length': String(payload.length) },
          ...(options.agent ? { agent: options.agent } : {}),
        });
      } catch {
        return resolve({ kind: 'local-error' });
      }
      const timer = setTimeout(() => {
        fail('timeout');
        req.destroy();
      }, request.deadlineMs);

      req.on('finish', () => {
        sent = true;
      });
      req.on('error', (err: NodeJS.ErrnoException) => (isTlsError(err) ? failTls() : fail('network')));
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) {
            finish({ kind: 'too-large' });
            req.destroy();
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () =>
          finish({
            kind: 'response',
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', () => fail('network'));
        res.on('aborted', () => fail('network'));
      });
      req.end(payload);
    });
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL|HOSTNAME_MISMATCH/;

/** True for a failed TLS handshake or certificate check (the request was never sent). */
function isTlsError(err: NodeJS.ErrnoException): boolean {
  return typeof err.code === 'string' && TLS_CODES.test(err.code);
}
