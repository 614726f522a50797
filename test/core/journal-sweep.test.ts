import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../main/config';
import { createKioskCore } from '../../main/core/kiosk-core';
import { JOURNAL_VALUES_KEPT_MS } from '../../main/profile/update-journal';
import type { UpdatePlan } from '../../main/profile/profile-service';
import { DEMO_CUSTOMER } from '../../domain/demo-account';
import { captureLogger } from '../helpers/capture-logger';

const BEFORE = { userName: 'ravi.kumar', fullName: 'Ravi Kumar', emailId: 'ravi@example.com', phoneNumber: '9876543210' };
const plan: UpdatePlan = { userName: BEFORE.userName, before: BEFORE, after: { ...BEFORE, fullName: 'Ravi K' }, changed: ['fullName'], face: false };

afterEach(() => vi.useRealTimers());

describe('the core drops journal values after 30 minutes', () => {
  it('sweeps every minute: an update journaled 30 minutes ago loses its values, a newer one keeps them', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let now = Date.parse('2026-12-02T09:00:00Z');
    const config = await loadConfig({ env: {}, userDataDir: '/nonexistent', readFile: async () => null, overrides: { baseUrl: 'https://vendor.example', customerName: DEMO_CUSTOMER.customerName } });
    const core = await createKioskCore(config, {
      logger: captureLogger().logger,
      loadKeychain: async () => {
        throw new Error('not used');
      },
      userDataDir: '/nonexistent',
      sandbox: false,
      facePendingFile: null,
      now: () => new Date(now),
      auditLog: { append: async () => undefined, tail: async () => ({ entries: [], skipped: 0 }), close: async () => undefined, file: '' },
    });
    try {
      core.journal.begin('old', plan, { staffId: 'demo.operator' });
      now += 20 * 60_000;
      core.journal.begin('new', plan, { staffId: 'demo.operator' });
      now += JOURNAL_VALUES_KEPT_MS - 20 * 60_000;
      vi.advanceTimersByTime(60_000);
      expect(core.journal.get('old')?.values).toBeNull();
      expect(core.journal.get('new')?.values?.after.fullName).toBe('Ravi K');
      now += 20 * 60_000;
      vi.advanceTimersByTime(60_000);
      expect(core.journal.get('new')?.values).toBeNull();
    } finally {
      await core.close();
    }
  });
});
