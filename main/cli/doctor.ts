import type { KioskCore } from '../core/kiosk-core';
import { toKioskError, type KioskErrorCode } from '../../domain/kiosk-error';

interface Check {
  name: 'config' | 'keychain' | 'api' | 'token';
  ok: boolean;
  detail: string;
  code?: KioskErrorCode;
}

/** A user name no bank would use: reading it proves the token without touching real data. */
const PROBE_USER = 'kioskctl-doctor-probe';

/**
 * Checks, in order: config, keychain reachable, API reachable, token valid. Each check says in
 * plain words what it found; the exit code is that of the first failed check.
 */
export async function runDoctor(
  core: Pick<KioskCore, 'config' | 'backend' | 'services'>,
): Promise<{ human: string; json: Record<string, unknown>; error?: { code: KioskErrorCode; message: string } }> {
  const { config: cfg, backend, services: svc } = core;
  const checks: Check[] = [
    { name: 'config', ok: true, detail: `${backend.kind} mode from ${cfg.source}${cfg.baseUrl ? `, ${cfg.baseUrl}` : ''}` },
  ];

  let token: string | null = null;
  try {
    token = await svc.tokens.get();
    checks.push({ name: 'keychain', ok: true, detail: token ? 'reachable; a token is stored' : 'reachable; no token stored' });
  } catch (err) {
    const e = toKioskError(err);
    checks.push({ name: 'keychain', ok: false, detail: e.message, code: e.code });
  }

  // In sandbox mode the app starts its own service; the keychain is still checked.
  if (backend.kind === 'sandbox') {
    checks.push({ name: 'api', ok: true, detail: 'sandbox mode: the kiosk starts its own service on 127.0.0.1' });
  } else {
    try {
      // A read for a user that does not exist: any HTTP answer proves reachability, and with
      // a token, "not registered" proves the token is accepted.
      if (token) {
        await svc.session.withToken((t) => svc.client.userDetails(t, PROBE_USER));
      } else {
        await svc.client.userDetails('', PROBE_USER);
      }
      checks.push({ name: 'api', ok: true, detail: 'reachable' });
      if (token) checks.push({ name: 'token', ok: true, detail: 'accepted by the service' });
    } catch (err) {
      const e = toKioskError(err);
      if (e.code === 'rejected' || e.code === 'unauthorized' || e.code === 'session-expired') {
        checks.push({ name: 'api', ok: true, detail: 'reachable' });
        if (token) {
          const valid = e.code === 'rejected';
          checks.push({
            name: 'token',
            ok: valid,
            detail: valid ? 'accepted by the service' : 'expired or revoked; it was deleted. Sign in again.',
            ...(valid ? {} : { code: 'session-expired' as const }),
          });
        }
      } else {
        checks.push({ name: 'api', ok: false, detail: e.message, code: e.code });
      }
    }
  }
  if (!checks.some((c) => c.name === 'token') && backend.kind === 'vendor') {
    const keychainOk = checks.find((c) => c.name === 'keychain')?.ok ?? false;
    if (keychainOk && !token) checks.push({ name: 'token', ok: false, detail: 'not signed in: run kioskctl login --password-stdin', code: 'not-signed-in' });
  }
  const failed = checks.find((c) => !c.ok);
  const human = checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'} ${c.name.padEnd(9)} ${c.detail}`).join('\n');
  return {
    human,
    json: { healthy: !failed, checks },
    ...(failed ? { error: { code: failed.code ?? 'internal', message: `${failed.name}: ${failed.detail}` } } : {}),
  };
}
