import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../domain/ipc/channels';
import { CONTRACT } from '../../domain/ipc/contract';
import { registerHandlers, type SenderInfo } from '../../main/ipc/handle';
import { createHandlers } from '../../main/ipc/handlers';
import { createSenderCheck } from '../../main/ipc/sender-check';
import { APP_ORIGIN } from '../../main/security/navigation-policy';
import { captureLogger } from '../helpers/capture-logger';
import { fakeRegistry, KIOSK_CONTENTS_ID, KIOSK_SENDER } from '../helpers/ipc-harness';
import { spyDeps, VALID } from './spy-deps';

const CHANNELS = Object.keys(INVOKE_CHANNELS) as InvokeChannel[];
const WITH_FIELDS = CHANNELS.filter((c) => Object.keys(VALID[c]).length > 0);

function setup() {
  const { deps, calls } = spyDeps();
  const plan = { userName: 'ravi.kumar', before: { userName: 'ravi.kumar', fullName: 'R', emailId: 'r@x.in', phoneNumber: '9876543210' }, after: { userName: 'ravi.kumar', fullName: 'R', emailId: 'n@x.in', phoneNumber: '9876543210' }, changed: ['emailId' as const], face: false };
  deps.journal.begin(String(VALID['profile:reconcile']['updateId']), plan, { staffId: 'demo.operator' });
  deps.journal.settle(String(VALID['profile:reconcile']['updateId']), 'unknown');
  const registry = fakeRegistry();
  const cap = captureLogger();
  registerHandlers(registry, createHandlers(deps), {
    isTrustedSender: createSenderCheck({ kioskWebContentsId: () => KIOSK_CONTENTS_ID, appOrigin: APP_ORIGIN }),
    logger: cap.logger,
  });
  const call = (channel: string, args: readonly unknown[], sender: SenderInfo = KIOSK_SENDER) => {
    const l = registry.listeners.get(channel);
    if (!l) throw new Error(`no handler for ${channel}`);
    return l(sender, args) as Promise<{ ok: boolean; error?: { code: string; message: string } }>;
  };
  return { call, calls, cap };
}

async function expectRefused(result: Promise<{ ok: boolean; error?: { code: string; message: string } }>): Promise<void> {
  const r = await result;
  expect(r.ok).toBe(false);
  expect(r.error?.code).toBe('invalid-input');
}

describe('every handler with a valid request', () => {
  it.each(CHANNELS)('%s passes validation and reaches its service', async (channel) => {
    const { call, calls } = setup();
    const r = await call(channel, [VALID[channel]]);
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
    // The restart runs just after its answer.
    if (channel === 'kiosk:restart') await new Promise((resolve) => setTimeout(resolve, 100));
    if (channel !== 'kiosk:info') expect(calls.length).toBeGreaterThan(0);
  });
});

describe('hostile input never reaches a service', () => {
  const wrongTypes: unknown[] = [undefined, null, 0, 1.5, NaN, 'text', true, [], [VALID['profile:lookup']], new Date(0), new Map(), new Uint8Array(8)];

  it.each(CHANNELS)('%s: wrong types, wrong argument counts', async (channel) => {
    const { call, calls } = setup();
    for (const value of wrongTypes) await expectRefused(call(channel, [value]));
    await expectRefused(call(channel, []));
    await expectRefused(call(channel, [VALID[channel], VALID[channel]]));
    expect(calls).toEqual([]);
  });

  it.each(WITH_FIELDS)('%s: each key missing, each key of the wrong type', async (channel) => {
    const { call, calls } = setup();
    for (const key of Object.keys(VALID[channel])) {
      const rest = Object.fromEntries(Object.entries(VALID[channel]).filter(([k]) => k !== key));
      await expectRefused(call(channel, [rest]));
      for (const wrong of [42, null, ['x'], { a: 1 }]) {
        if (typeof VALID[channel][key] === 'object' && wrong !== null && !Array.isArray(wrong) && typeof wrong === 'object') continue;
        await expectRefused(call(channel, [{ ...VALID[channel], [key]: wrong }]));
      }
    }
    expect(calls).toEqual([]);
  });

  it.each(CHANNELS)('%s: extra keys, __proto__ and constructor keys', async (channel) => {
    const { call, calls } = setup();
    const valid = JSON.stringify(VALID[channel]).slice(1, -1);
    const sep = valid ? ',' : '';
    for (const extra of ['"extra":1', '"__proto__":{"isAdmin":true}', '"constructor":{"prototype":{"x":1}}', '"prototype":{}']) {
      // JSON.parse makes these own properties, as structured clone over IPC does.
      await expectRefused(call(channel, [JSON.parse(`{${valid}${sep}${extra}}`)]));
    }
    expect(calls).toEqual([]);
  });

  it.each(WITH_FIELDS)('%s: 1 MB strings and control characters in every string field', async (channel) => {
    const { call, calls } = setup();
    const big = 'a'.repeat(1024 * 1024);
    for (const [key, value] of Object.entries(VALID[channel])) {
      if (typeof value !== 'string') continue;
      await expectRefused(call(channel, [{ ...VALID[channel], [key]: big }]));
      for (const cc of ['\u0000', '\n', '\u001b[2J', '\u007f', '\u0085']) {
        await expectRefused(call(channel, [{ ...VALID[channel], [key]: `${value}${cc}x` }]));
      }
    }
    expect(calls).toEqual([]);
  });

  it('update: 1 MB strings and control characters inside the changes', async () => {
    const { call, calls } = setup();
    for (const field of ['userName', 'fullName', 'emailId', 'phoneNumber']) {
      for (const value of ['x'.repeat(1024 * 1024), 'abc\u0000def', 'abc\ndef', 'abc\u001bdef']) {
        await expectRefused(call('profile:update', [{ ...VALID['profile:update'], changes: { [field]: value } }]));
      }
    }
    expect(calls).toEqual([]);
  });

  it('deeply nested and very wide payloads are refused before validation', async () => {
    const { call, calls } = setup();
    let deep: unknown = {};
    for (let i = 0; i < 50; i++) deep = { a: deep };
    await expectRefused(call('profile:update', [{ ...VALID['profile:update'], changes: deep }]));
    const wide = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]));
    await expectRefused(call('profile:lookup', [wide]));
    expect(calls).toEqual([]);
  });

  it.each(CHANNELS)('%s: requests from anything but the kiosk main frame on the app origin are dropped', async (channel) => {
    const { call, calls, cap } = setup();
    const senders: SenderInfo[] = [
      { ...KIOSK_SENDER, webContentsId: KIOSK_CONTENTS_ID + 1 },
      { ...KIOSK_SENDER, isMainFrame: false },
      { ...KIOSK_SENDER, frameUrl: 'https://evil.example/index.html' },
      { ...KIOSK_SENDER, frameUrl: 'kiosk://app.evil/index.html' },
      { ...KIOSK_SENDER, frameUrl: 'kiosk://evil@app/index.html' },
      { ...KIOSK_SENDER, frameUrl: 'file:///etc/passwd' },
      { ...KIOSK_SENDER, frameUrl: '' },
    ];
    for (const sender of senders) await expectRefused(call(channel, [VALID[channel]], sender));
    expect(calls).toEqual([]);
    expect(cap.text()).toContain('untrusted sender');
  });
});

describe('property: only schema-valid input reaches a service', () => {
  it.each(CHANNELS)('%s with arbitrary values', async (channel) => {
    await fc.assert(
      fc.asyncProperty(fc.anything({ withNullPrototype: true, withObjectString: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }), async (value) => {
        const { call, calls } = setup();
        const r = await call(channel, [value]);
        const valid = CONTRACT[channel].request.safeParse(value).success;
        if (!valid) {
          expect(r.ok).toBe(false);
          expect(r.error?.code).toBe('invalid-input');
          expect(calls).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it.each(WITH_FIELDS)('%s with a valid request plus one random extra key', async (channel) => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !(k in VALID[channel])),
        fc.jsonValue(),
        async (key, value) => {
          const { call, calls } = setup();
          const request = JSON.parse(JSON.stringify(VALID[channel])) as Record<string, unknown>;
          Object.defineProperty(request, key, { value, enumerable: true, configurable: true, writable: true });
          await expectRefused(call(channel, [request]));
          expect(calls).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('lookup with any string holding whitespace or a control character', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 20 }),
        fc.constantFrom(' ', '\t', '\n', '\u0000', '\u00a0', '\u2028', '\u001f'),
        fc.string({ maxLength: 20 }),
        async (a, bad, b) => {
          const { call, calls } = setup();
          await expectRefused(call('profile:lookup', [{ userName: `${a}${bad}${b}` }]));
          expect(calls).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refused answers never echo the input', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 6, maxLength: 40 }).map((s) => `zq${s}`), async (secretish) => {
        const { call } = setup();
        const r1 = await call('profile:lookup', [{ userName: `${secretish} x`, [secretish]: 1 }]);
        const r2 = await call('profile:update', [{ ...VALID['profile:update'], changes: { emailId: secretish } }]);
        for (const r of [r1, r2]) expect(r.error?.message ?? '').not.toContain(secretish);
      }),
      { numRuns: 100 },
    );
  });
});
