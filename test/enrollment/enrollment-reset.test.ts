import { describe, expect, it } from 'vitest';
import { resetEnrollment } from '../../main/enrollment/enrollment-reset';
import { captureLogger } from '../helpers/capture-logger';

function fakes(failing: string | null = null) {
  const order: string[] = [];
  let destroyed = false;
  const step = (name: string) => async () => {
    await new Promise((r) => setTimeout(r, 1));
    if (name === failing) throw new Error('boom');
    order.push(name);
  };
  const window = {
    isDestroyed: () => destroyed,
    destroy: () => {
      destroyed = true;
      order.push('destroy-window');
    },
  };
  const session = {
    closeAllConnections: step('close-connections'),
    clearStorageData: step('clear-storage'),
    clearCache: step('clear-cache'),
    clearAuthCache: step('clear-auth-cache'),
    clearHostResolverCache: step('clear-host-cache'),
  };
  return { order, window, session };
}

describe('re-enrollment reset', () => {
  it('destroys the window first, then clears the partition, each step awaited in order', async () => {
    const f = fakes();
    expect(await resetEnrollment(f.window, f.session, captureLogger().logger)).toEqual({ ok: true });
    expect(f.order).toEqual(['destroy-window', 'close-connections', 'clear-storage', 'clear-cache', 'clear-auth-cache', 'clear-host-cache']);
  });

  it('runs every other step when one fails, and says so', async () => {
    const f = fakes('clear-storage');
    const cap = captureLogger();
    expect(await resetEnrollment(f.window, f.session, cap.logger)).toEqual({ ok: false });
    expect(f.order).toEqual(['destroy-window', 'close-connections', 'clear-cache', 'clear-auth-cache', 'clear-host-cache']);
    expect(cap.text()).toContain('clear-storage');
  });

  it('clears the partition even when the window is already gone', async () => {
    const f = fakes();
    f.window.destroy();
    f.order.length = 0;
    await resetEnrollment(f.window, f.session, captureLogger().logger);
    expect(f.order).toEqual(['close-connections', 'clear-storage', 'clear-cache', 'clear-auth-cache', 'clear-host-cache']);
  });
});
