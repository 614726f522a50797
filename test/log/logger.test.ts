import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createLogger } from '../../main/log/logger';
import { redactText } from '../../main/log/redact';

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

describe('redactText', () => {
  /** The scrub as first written: every pattern on every string. The fast one must agree with it. */
  function reference(text: string, secrets: Iterable<string>): string {
    let out = text;
    for (const s of secrets) if (s.length >= 4) out = out.split(s).join('[redacted]');
    return out
      .replace(/[^\s@"'<>]+@[^\s@"'<>]+\.[^\s@"'<>]+/g, '[email]')
      .replace(/\+?\d[\d\s-]{6,}\d/g, '[digits]')
      .replace(/[0-9a-f]{24,}/gi, '[hex]');
  }

  it('scrubs at the shortest lengths each pattern can match, and not below', () => {
    expect(redactText('a@b.c', [])).toBe('[email]');
    expect(redactText('12345678', [])).toBe('[digits]');
    expect(redactText('1234567', [])).toBe('1234567');
    expect(redactText('abcdefabcdefabcdefabcdef', [])).toBe('[hex]');
    expect(redactText('abcdefabcdefabcdefabcde', [])).toBe('abcdefabcdefabcdefabcde');
    expect(redactText('tok1 and tok1', ['tok1'])).toBe('[redacted] and [redacted]');
  });

  it('gives exactly what running every pattern on every string gives', () => {
    // Single characters, and pieces that sit near each pattern's edge, so that joined they
    // land on both sides of every length and character check.
    const piece = fc.constantFrom(
      ...['a', 'F', 'g', '@', '.', '0', '7', '+', '-', ' ', '"', 'é', '😀'],
      ...['abcdef', 'ABCDEFabcdef', 'abcdef0123456789abcdef0', '1234', '+91 9876', '-4321', 'x@y.z', 'tok1'],
    );
    const text = fc.array(piece, { maxLength: 16 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, fc.array(text, { maxLength: 3 }), (t, secrets) => {
        expect(redactText(t, secrets)).toBe(reference(t, secrets));
      }),
      { numRuns: 5000 },
    );
  });
});
