import type { EventChannel } from '../../domain/ipc/channels';
import type { EventPayloads } from '../../domain/ipc/contract';

/** The part of a web contents that push needs. */
export interface PushTarget {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

/** The one typed way main pushes an event to the renderer. */
export type Push = <E extends EventChannel>(event: E, payload: EventPayloads[E]) => boolean;

/**
 * Creates `push` over whatever the kiosk window currently is. Returns false (and sends
 * nothing) when there is no live window.
 */
export function createPush(target: () => PushTarget | null): Push {
  return (event, payload) => {
    const t = target();
    if (!t || t.isDestroyed()) return false;
    t.send(event, payload);
    return true;
  };
}
