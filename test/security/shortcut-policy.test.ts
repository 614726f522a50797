import { describe, expect, it } from 'vitest';
import { isBlockedShortcut, type KeyInput } from '../../main/security/shortcut-policy';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ type: 'keyDown', key: k, control: false, meta: false, shift: false, alt: false, ...mods });

describe('isBlockedShortcut in production', () => {
  it.each([
    ['F5', key('F5')],
    ['F12', key('F12')],
    ['Ctrl+R', key('r', { control: true })],
    ['Cmd+R', key('r', { meta: true })],
    ['Ctrl+Shift+R', key('R', { control: true, shift: true })],
    ['Ctrl+Shift+I', key('I', { control: true, shift: true })],
    ['Ctrl+Shift+J', key('J', { control: true, shift: true })],
    ['Ctrl+Shift+C', key('C', { control: true, shift: true })],
    ['Cmd+Alt+I', key('i', { meta: true, alt: true })],
    ['Ctrl+U', key('u', { control: true })],
    ['Ctrl++', key('+', { control: true })],
    ['Ctrl+-', key('-', { control: true })],
    ['Ctrl+0', key('0', { control: true })],
  ])('blocks %s', (_name, input) => {
    expect(isBlockedShortcut(input, true)).toBe(true);
  });

  it.each([
    ['a letter', key('a')],
    ['Shift+R (typing)', key('R', { shift: true })],
    ['Ctrl+C (copy)', key('c', { control: true })],
    ['Ctrl+V (paste)', key('v', { control: true })],
    ['Ctrl+A', key('a', { control: true })],
    ['Tab', key('Tab')],
    ['Enter', key('Enter')],
    ['key up of F5', { ...key('F5'), type: 'keyUp' }],
  ])('lets %s through', (_name, input) => {
    expect(isBlockedShortcut(input, true)).toBe(false);
  });

  it('blocks nothing in development', () => {
    expect(isBlockedShortcut(key('F12'), false)).toBe(false);
    expect(isBlockedShortcut(key('r', { control: true }), false)).toBe(false);
  });
});
