/** The parts of Electron's `before-input-event` input that the policy reads. */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
}

const RELOAD_OR_TOOLS = new Set(['r', 'i', 'j', 'c', 'u']);
const ZOOM = new Set(['+', '=', '-', '_', '0']);

/**
 * True when a key press must not reach Chromium in production: reload (F5, Ctrl/Cmd+R,
 * Ctrl/Cmd+Shift+R), DevTools (F12, Ctrl/Cmd+Shift+I/J/C, Cmd+Alt+I), view source (Ctrl+U)
 * and zoom (Ctrl/Cmd with +, -, 0), which would break the kiosk layout. Development keeps all.
 */
export function isBlockedShortcut(input: KeyInput, production: boolean): boolean {
  if (!production || input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  if (key === 'f5' || key === 'f12' || key === 'browserrefresh') return true;
  const mod = input.control || input.meta;
  if (!mod) return false;
  if (key === 'r') return true;
  if (input.shift && RELOAD_OR_TOOLS.has(key)) return true;
  if (input.alt && key === 'i') return true;
  if (key === 'u') return true;
  return ZOOM.has(key);
}
