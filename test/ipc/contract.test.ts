import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS, type InvokeChannel } from '../../domain/ipc/channels';
import { CONTRACT, type KioskApi } from '../../domain/ipc/contract';
import { registerHandlers } from '../../main/ipc/handle';
import { createHandlers } from '../../main/ipc/handlers';
import { buildKioskApi, type PreloadBridge } from '../../main/preload/build-api';
import { silentLogger } from '../../main/log/logger';
import { fakeRegistry } from '../helpers/ipc-harness';
import { assertBuilt } from '../helpers/run-kioskctl';
import { spyDeps, VALID } from './spy-deps';

const INVOKE_METHODS = Object.values(INVOKE_CHANNELS);
const EVENT_METHODS = Object.values(EVENT_CHANNELS);
const ALL_METHODS = [...INVOKE_METHODS, ...EVENT_METHODS].sort();

type ExpectedMethods = (typeof INVOKE_CHANNELS)[keyof typeof INVOKE_CHANNELS] | (typeof EVENT_CHANNELS)[keyof typeof EVENT_CHANNELS];

function recordingBridge(): PreloadBridge & { invoked: { channel: string; request: unknown }[]; subscribed: string[] } {
  const invoked: { channel: string; request: unknown }[] = [];
  const subscribed: string[] = [];
  return {
    invoked,
    subscribed,
    invoke: async (channel, request) => {
      invoked.push({ channel, request });
      return { ok: true, value: null };
    },
    subscribe: (channel) => {
      subscribed.push(channel);
      return () => undefined;
    },
  };
}

describe('the IPC contract', () => {
  it('lists the same channels in the table and in the schemas', () => {
    expect(Object.keys(CONTRACT).sort()).toEqual(Object.keys(INVOKE_CHANNELS).sort());
  });

  it('KioskApi has exactly one method per channel (checked by the compiler)', () => {
    expectTypeOf<keyof KioskApi>().toEqualTypeOf<ExpectedMethods>();
    expectTypeOf<KioskApi['sessionState']>().parameters.toEqualTypeOf<[]>();
    expectTypeOf<KioskApi['signIn']>().parameters.toEqualTypeOf<[{ password: string }]>();
  });

  it('the preload API, the KioskApi methods and the registered handlers are the same set', () => {
    const api = buildKioskApi(recordingBridge());
    expect(Object.keys(api).sort()).toEqual(ALL_METHODS);
    const registry = fakeRegistry();
    const registered = registerHandlers(registry, createHandlers(spyDeps().deps), { isTrustedSender: () => true, logger: silentLogger });
    expect([...registry.listeners.keys()].sort()).toEqual(Object.keys(INVOKE_CHANNELS).sort());
    expect(registered.sort()).toEqual(Object.keys(INVOKE_CHANNELS).sort());
  });

  it('each preload method sends its own channel, with the request as given', async () => {
    const bridge = recordingBridge();
    const api = buildKioskApi(bridge) as unknown as Record<string, (r?: unknown) => Promise<unknown>>;
    for (const [channel, method] of Object.entries(INVOKE_CHANNELS)) {
      await api[method]!(VALID[channel as InvokeChannel]);
      expect(bridge.invoked.at(-1)).toEqual({ channel, request: VALID[channel as InvokeChannel] });
    }
    expect(bridge.invoked).toHaveLength(INVOKE_METHODS.length);
  });

  it('a failed invoke resolves to an internal error instead of throwing', async () => {
    const api = buildKioskApi({ invoke: () => Promise.reject(new Error('boom: secret detail')), subscribe: () => () => undefined });
    const r = await api.sessionState();
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: expect.stringMatching(/could not reach/) } });
    expect(JSON.stringify(r)).not.toContain('secret detail');
  });
});

describe('the built preload bundle', () => {
  function loadPreload() {
    assertBuilt();
    const code = readFileSync(join(process.cwd(), 'out', 'preload', 'index.js'), 'utf8');
    const exposed: Record<string, unknown> = {};
    const listeners = new Map<string, ((event: unknown, payload: unknown) => void)[]>();
    const required: string[] = [];
    const invokes: unknown[][] = [];
    const ipcRenderer = {
      invoke: async (...args: unknown[]) => {
        invokes.push(args);
        return { ok: true, value: { signedIn: true } };
      },
      on: (channel: string, l: (event: unknown, payload: unknown) => void) => {
        listeners.set(channel, [...(listeners.get(channel) ?? []), l]);
      },
      removeListener: (channel: string, l: (event: unknown, payload: unknown) => void) => {
        listeners.set(channel, (listeners.get(channel) ?? []).filter((x) => x !== l));
      },
    };
    const contextBridge = {
      exposeInMainWorld: (key: string, value: unknown) => {
        if (key in exposed) throw new Error('exposed twice');
        exposed[key] = value;
      },
    };
    const fakeRequire = (name: string) => {
      required.push(name);
      if (name === 'electron') return { contextBridge, ipcRenderer };
      throw new Error(`a sandboxed preload cannot require ${name}`);
    };
    runInNewContext(code, { require: fakeRequire, module: { exports: {} }, exports: {} }, { filename: 'preload/index.js' });
    return { exposed, listeners, required, invokes, ipcRenderer };
  }

  it('requires only electron and exposes only window.kiosk, with the contract methods', () => {
    const { exposed, required } = loadPreload();
    expect(required).toEqual(['electron']);
    expect(Object.keys(exposed)).toEqual(['kiosk']);
    const kiosk = exposed['kiosk'] as Record<string, unknown>;
    expect(Object.keys(kiosk).sort()).toEqual(ALL_METHODS);
    for (const v of Object.values(kiosk)) expect(typeof v).toBe('function');
  });

  it('never hands out ipcRenderer, and invokes pass the request through', async () => {
    const { exposed, invokes, ipcRenderer } = loadPreload();
    const kiosk = exposed['kiosk'] as Record<string, (...a: unknown[]) => unknown>;
    for (const v of Object.values(kiosk)) expect(v).not.toBe(ipcRenderer.invoke);
    const r = await kiosk['signIn']!({ password: 'x' });
    expect(r).toEqual({ ok: true, value: { signedIn: true } });
    expect(invokes).toEqual([['session:sign-in', { password: 'x' }]]);
  });

  it('subscribers get the payload only, never the IPC event, and can unsubscribe', () => {
    const { exposed, listeners } = loadPreload();
    const kiosk = exposed['kiosk'] as Record<string, (...a: unknown[]) => unknown>;
    const got: unknown[][] = [];
    const off = kiosk['onSessionExpired']!((...args: unknown[]) => got.push(args)) as () => void;
    const fakeEvent = { sender: { send: () => undefined }, ports: [] };
    for (const l of listeners.get('session:expired') ?? []) l(fakeEvent, { reason: 'expired' });
    expect(got).toEqual([[{ reason: 'expired' }]]);
    off();
    expect(listeners.get('session:expired')).toEqual([]);
    expect(() => kiosk['onSessionExpired']!('not a function')).toThrow(/listener function is required/);
  });
});
