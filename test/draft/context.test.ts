import { describe, expect, it } from 'vitest';
import { parseContext } from '../../src/draft/context.js';

describe('parseContext', () => {
  it.each([
    [
      'Jane Park, met at SXSW on the podcasting panel, want to swap notes on audio ads',
      {
        name: 'Jane Park',
        relationship: 'acquaintance',
        facts: { met: 'at SXSW on the podcasting panel' },
        purpose: 'swap notes on audio ads',
      },
    ],
    [
      'Tom Reyes, old colleague from Acme',
      { name: 'Tom Reyes', relationship: 'close', facts: { shared: 'worked together at Acme' } },
    ],
    [
      'Dr. Amara Osei, never met, read her book on supply chain resilience, via Priya Nair',
      {
        name: 'Amara Osei',
        relationship: 'stranger',
        facts: { work: 'book on supply chain resilience', mutual: 'Priya Nair' },
      },
    ],
    ['Kim Lee, Omar suggested I reach out', { name: 'Kim Lee', facts: { mutual: 'Omar' } }],
    [
      'Omar suggested I reach out to Kim Lee about the data role',
      { name: 'Kim Lee', facts: { mutual: 'Omar' }, purpose: 'talk about the data role' },
    ],
    [
      'Ana, want to ask her about flaky tests',
      { name: 'Ana', purpose: 'ask you about flaky tests' },
    ],
    ['Priya, coffee when she is in town', { name: 'Priya', next: "coffee when you're in town" }],
  ])('%s', (input, expected) => {
    expect(parseContext(input)).toMatchObject({ ...expected, unused: [] });
  });

  it('takes the name from a Slack mention with a label, and keeps the user id', () => {
    expect(parseContext('<@U024BE7LH|lena> met at the Berlin meetup')).toMatchObject({
      name: 'lena',
      mentionId: 'U024BE7LH',
      facts: { met: 'at the Berlin meetup' },
    });
    expect(parseContext('<@U024BE7LH> via Omar')).toMatchObject({
      mentionId: 'U024BE7LH',
      facts: { mutual: 'Omar' },
    });
  });

  it('reports what it did not understand instead of guessing', () => {
    expect(parseContext("Jane Park, she's based in Lagos, met at SXSW").unused).toEqual([
      "she's based in Lagos",
    ]);
  });
});
