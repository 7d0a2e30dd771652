import { describe, expect, it } from 'vitest';
import { CheckOptionsError, checkNote } from '../src/index.js';

const GOOD = 'Hi Ana, great meeting you at the PyData Berlin meetup. Coffee next week?';

describe('checkNote', () => {
  it('reports a ready note with its length and the Basic limit by default', () => {
    expect(checkNote(GOOD)).toEqual({ ready: true, length: GOOD.length, limit: 200, findings: [] });
  });

  it('uses the Premium limit', () => {
    expect(checkNote(GOOD, { account: 'premium' }).limit).toBe(300);
  });

  it('is not ready when an error fires, and stays ready with warnings only', () => {
    expect(checkNote('Hi {name}, great meeting you at the PyData meetup. Coffee?').ready).toBe(
      false,
    );
    const warned = checkNote('I came across your profile. Coffee next week?');
    expect(warned.findings.map((f) => f.rule)).toContain('generic-opener');
    expect(warned.ready).toBe(true);
  });

  it('gives offsets into the note exactly as passed, through Slack markup', () => {
    const note =
      'Hi &lt;NAME&gt;, <@U024BE7LH> said hi &amp; <https://x.test/a|your post> was great. Coffee?';
    const report = checkNote(note);
    const token = report.findings.find((f) => f.rule === 'placeholder');
    expect(token && note.slice(token.start, token.end)).toBe('&lt;NAME&gt;');
    const mention = report.findings.find((f) => f.rule === 'slack-mention');
    expect(mention && note.slice(mention.start, mention.end)).toBe('<@U024BE7LH>');
  });

  it('counts what a person sees: entities, emoji and CRLF', () => {
    expect(checkNote('AT&amp;T').length).toBe(4);
    expect(checkNote('👩🏽‍💻 🇵🇹\r\n').length).toBe(4);
    expect(checkNote('a\u200Bb').length).toBe(2);
  });

  it('sorts findings by position', () => {
    const { findings } = checkNote('Hi [Name], I came across your profile. Hi {name}!');
    const starts = findings.map((f) => f.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('reports only blank-note for a blank note', () => {
    expect(checkNote(' \n ').findings.map((f) => f.rule)).toEqual(['blank-note']);
  });

  it('lets rules be turned off or re-levelled', () => {
    const note = 'Hi {name}, coffee?';
    expect(
      checkNote(note, { rules: { placeholder: 'off' } }).findings.map((f) => f.rule),
    ).not.toContain('placeholder');
    const relevelled = checkNote(note, { rules: { placeholder: 'warning' } });
    expect(relevelled.ready).toBe(true);
    expect(relevelled.findings.find((f) => f.rule === 'placeholder')?.level).toBe('warning');
  });

  it('rejects a bad account or a non-string note with a clear error', () => {
    expect(() => checkNote(GOOD, { account: 'gold' as never })).toThrow(CheckOptionsError);
    expect(() => checkNote(GOOD, { account: 'gold' as never })).toThrow(/basic.*premium/);
    expect(() => checkNote(42 as never)).toThrow(/must be a string/);
  });

  it('copes with 100 KB of text, lone surrogates, control characters and RTL marks', () => {
    const huge = 'Buy our tool now. '.repeat(6000);
    const report = checkNote(huge);
    expect(report.length).toBe(huge.length);
    expect(report.findings.find((f) => f.rule === 'note-length')?.end).toBe(huge.length);
    for (const odd of [
      '\uD800 hi \uDC00',
      'a\u0000b\u0007c',
      '\u202Eevil\u202C text',
      '\u200F\u200E',
    ]) {
      const r = checkNote(odd);
      for (const f of r.findings) {
        expect(f.start).toBeGreaterThanOrEqual(0);
        expect(f.end).toBeLessThanOrEqual(odd.length);
      }
    }
    expect(checkNote('\u200F\u200E').findings.map((f) => f.rule)).toEqual(['blank-note']);
  });
});
