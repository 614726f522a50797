import { describe, expect, it } from 'vitest';
import { createLogger } from '../../main/log/logger';

describe('redacting logger', () => {
  function make() {
    const lines: string[] = [];
    return { lines, log: createLogger({ sink: (l) => lines.push(l), level: 'debug', now: () => new Date(0) }) };
  }

  it('writes one JSON object per line with time and level', () => {
    const { lines, log } = make();
    log.info('hello', { n: 1 });
    expect(JSON.parse(lines[0]!)).toEqual({ time: '1970-01-01T00:00:00.000Z', level: 'info', msg: 'hello', n: 1 });
  });

  it('masks sensitive keys at any depth', () => {
    const { lines, log } = make();
    log.warn('x', { headers: { Authorization: 'abc' }, user: { fullName: 'Ravi', emailId: 'r@x.in', phoneNumber: '9876543210' }, password: 'pw' });
    const line = lines[0]!;
    expect(line).not.toMatch(/abc|Ravi|r@x\.in|9876543210|"pw"/);
  });

  it('scrubs registered secrets, e-mails, phone numbers and hex ids from free text', () => {
    const { lines, log } = make();
    log.addSecret('sekrit-token-value');
    log.error('failed for sekrit-token-value mail a.b@example.com tel +91 98765 43210 portal 0123456789abcdef0123456789abcdef');
    expect(lines[0]).not.toMatch(/sekrit|a\.b@example|98765|0123456789abcdef/);
  });

  it('stops hiding a secret once removed, and honours the level', () => {
    const lines: string[] = [];
    const log = createLogger({ sink: (l) => lines.push(l), level: 'warn' });
    log.info('dropped');
    log.addSecret('abcd1234');
    log.removeSecret('abcd1234');
    log.warn('abcd1234');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('abcd1234');
  });

  it('survives a sink that throws', () => {
    const log = createLogger({ sink: () => { throw new Error('disk full'); } });
    expect(() => log.error('x')).not.toThrow();
  });
});
