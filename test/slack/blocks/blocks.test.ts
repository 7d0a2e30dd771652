import { describe, expect, it } from 'vitest';
import { checkNote } from '../../../src/check.js';
import { helpMessage, howToMessage, tooLongMessage } from '../../../src/slack/blocks/help.js';
import { homeView } from '../../../src/slack/blocks/home.js';
import {
  faultInContext,
  MAX_FINDINGS_SHOWN,
  reportMessage,
} from '../../../src/slack/blocks/report.js';
import {
  escapeMrkdwn,
  escapeSlackText,
  sanitize,
  truncate,
} from '../../../src/slack/blocks/text.js';
import type { CheckReport, Finding } from '../../../src/types.js';

describe('escapeMrkdwn', () => {
  it('turns &, < and > into entities, & first', () => {
    expect(escapeMrkdwn('<!channel> & <@U1> &lt;')).toBe(
      '&lt;!channel&gt; &amp; &lt;@U1&gt; &amp;lt;',
    );
  });
});

describe('escapeSlackText', () => {
  it('escapes markup but keeps the entities Slack already used for typed &, <, >', () => {
    // The person typed: Tom & Jerry <3  then mentioned @here.
    expect(escapeSlackText('Tom &amp; Jerry &lt;3 <!here> & a&b &amp')).toBe(
      'Tom &amp; Jerry &lt;3 &lt;!here&gt; &amp; a&amp;b &amp;amp',
    );
  });
});

describe('sanitize', () => {
  it('replaces lone surrogates and control characters, keeps pairs, tabs and newlines', () => {
    expect(sanitize('a\uD83Db\uDE00c😀\t\n\u0000\u001b\u007f\u0085')).toBe(
      'a\uFFFDb\uFFFDc😀\t\n\uFFFD\uFFFD\uFFFD\uFFFD',
    );
  });
});

describe('truncate', () => {
  it('never splits a surrogate pair', () => {
    expect(truncate('ab😀cd', 4)).toBe('ab…');
    expect(truncate('abc', 3)).toBe('abc');
  });
});

describe('faultInContext', () => {
  const note = 'Hello there, [Name]! We met at the Lisbon product meetup last week, remember?';
  it('bolds the words at fault with up to 30 characters each side', () => {
    const start = note.indexOf('[Name]');
    expect(faultInContext(note, start, start + 6)).toBe(
      ' Hello there, *[Name]*! We met at the Lisbon…',
    );
  });
  it('marks an empty range', () => {
    expect(faultInContext('ab', 1, 1)).toBe(' a‸b');
  });
  it('says "the whole note" for a long range covering it', () => {
    expect(faultInContext(note, 0, note.length)).toBe(' _(the whole note)_');
  });
  it('shows what the person typed: Slack-escaped &, < and > stay single-escaped', () => {
    expect(faultInContext('Tom &amp; [Name] &lt;3', 10, 16)).toBe(' Tom &amp; *[Name]* &lt;3');
  });
  it('keeps offsets in range and escapes markup on both sides', () => {
    expect(faultInContext('<!here> x <@U1>', 8, 9)).toBe(' &lt;!here&gt; *x* &lt;@U1&gt;');
    expect(faultInContext('abc', 5, 9)).toBe(' abc‸');
  });
});

function finding(over: Partial<Finding>): Finding {
  return { rule: 'placeholder', level: 'error', message: 'm', fix: 'f', start: 0, end: 1, ...over };
}

describe('reportMessage', () => {
  it('matches its snapshot for a fixed report', () => {
    const note = 'Hi [Name], I came across your profile <!here>';
    const report: CheckReport = {
      ready: false,
      length: 38,
      limit: 200,
      findings: [
        finding({ message: 'Unfilled “[Name]”.', fix: 'Use the name.', start: 3, end: 9 }),
        finding({
          rule: 'slack-mention',
          level: 'warning',
          message: 'A mention.',
          fix: 'Remove it.',
          start: 38,
          end: 45,
        }),
        finding({
          rule: 'missing-next-step',
          level: 'info',
          message: 'No next step.',
          fix: 'Ask.',
          start: 0,
          end: 45,
        }),
      ],
    };
    expect(reportMessage(note, report, 'basic')).toMatchSnapshot();
  });

  it('renders whatever the real checker finds without Slack markup', () => {
    const note = 'Hi [Name], I came across your profile <!here> <@U1> https://x.test & more';
    expect(JSON.stringify(reportMessage(note, checkNote(note), 'basic'))).not.toContain('<');
  });

  it('lists errors first, then warnings, then tips, each by position', () => {
    const findings = [
      finding({ level: 'info', message: 'tip', start: 0 }),
      finding({ level: 'warning', message: 'warn-b', start: 5 }),
      finding({ level: 'error', message: 'err', start: 9 }),
      finding({ level: 'warning', message: 'warn-a', start: 1 }),
    ].sort((a, b) => a.start - b.start);
    const text = JSON.stringify(
      reportMessage('x'.repeat(20), { ready: false, length: 20, limit: 200, findings }, 'basic'),
    );
    const order = ['err', 'warn-a', 'warn-b', 'tip'].map((m) => text.indexOf(`— ${m}`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order.every((i) => i > 0)).toBe(true);
  });

  it('shows ready, length/limit and the account type', () => {
    const report: CheckReport = { ready: true, length: 42, limit: 300, findings: [] };
    const msg = reportMessage('x', report, 'premium');
    expect(msg.text).toBe('Ready to send (42/300 characters).');
    expect(JSON.stringify(msg.blocks)).toContain('42/300 characters · Premium account');
  });

  it('says how far over the limit a note is', () => {
    const report: CheckReport = {
      ready: false,
      length: 230,
      limit: 200,
      findings: [finding({ rule: 'note-length' })],
    };
    expect(JSON.stringify(reportMessage('x', report, 'basic').blocks)).toContain(
      '230/200 characters · Basic account · *30 over*',
    );
  });

  it('escapes rule messages and fixes, which quote the note', () => {
    const f = finding({ message: 'Found “<!channel>”', fix: 'Remove <@U1> & co' });
    const msg = reportMessage(
      '<!channel>',
      { ready: false, length: 9, limit: 200, findings: [f] },
      'basic',
    );
    expect(JSON.stringify(msg)).not.toContain('<');
    expect(JSON.stringify(msg)).toContain('Remove &lt;@U1&gt; &amp; co');
  });

  it(`shows at most ${MAX_FINDINGS_SHOWN} findings and stays within Slack's 50 blocks`, () => {
    const findings = Array.from({ length: 60 }, (_, i) =>
      finding({ start: i, end: i + 1, level: 'warning' }),
    );
    const msg = reportMessage(
      'x'.repeat(80),
      { ready: true, length: 80, limit: 200, findings },
      'basic',
    );
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(msg.blocks)).toContain('…and 45 more.');
  });
});

describe('help, how-to and too-long messages', () => {
  it('give a usage example and contain no Slack markup', () => {
    for (const msg of [helpMessage(), howToMessage(), tooLongMessage(40960, 4000)]) {
      expect(msg.text.length).toBeGreaterThan(0);
      expect(JSON.stringify(msg)).not.toContain('<');
    }
    expect(JSON.stringify(howToMessage())).toContain('/invite-check Hi Sam');
    expect(JSON.stringify(tooLongMessage(40960, 4000))).toContain('40,960 characters');
  });
});

describe('homeView', () => {
  it('is a home view whose select starts on the stored account type', () => {
    for (const account of ['basic', 'premium'] as const) {
      const view = homeView(account);
      expect(view.type).toBe('home');
      const select = view.blocks.find(
        (b) => 'accessory' in b && b.accessory?.type === 'static_select',
      );
      expect(select).toMatchObject({
        accessory: { action_id: 'account_type_select', initial_option: { value: account } },
      });
    }
  });
});
