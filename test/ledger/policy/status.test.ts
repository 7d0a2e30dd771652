import { describe, expect, it } from 'vitest';
import { budgetLine, DEFAULT_LIMITS, status } from '../../../src/ledger/policy/index.js';
import { DAY, many, settings, shift } from '../helpers.js';

const NOW = '2026-03-10T12:00:00.000Z';

describe('status', () => {
  const entries = [
    ...many(37, { sentAt: shift(NOW, -2 * DAY) }),
    ...many(1, { sentAt: shift(NOW, -2 * DAY), noteLength: 90 }),
    ...many(174, { sentAt: shift(NOW, -10 * DAY) }),
    ...many(3, { sentAt: shift(NOW, -40 * DAY), outcomes: [['idk', shift(NOW, -30 * DAY)]] }),
  ];
  const summary = status(entries, settings(), new Date(NOW));

  it('sums up the week, pending, stale, IDK and notes', () => {
    expect(summary.week).toEqual({ sent: 38, cap: 100 });
    expect(summary.today).toEqual({ today: 0, limit: 20 });
    expect(summary.pending).toMatchObject({ count: 212, threshold: 500, stale: 174, veryStale: 0 });
    expect(summary.idk).toEqual({ count: 3, warnAt: 3, dangerAt: 5 });
    expect(summary.notes).toEqual({ used: 1, limit: 3, left: 2 });
    expect(summary.warnings.map((w) => [w.id, w.severity])).toEqual([
      ['idk', 'warn'],
      ['stale-pending', 'info'],
    ]);
  });

  it('writes the budget line', () => {
    expect(budgetLine(summary)).toBe(
      'This week 38/100 · 212 pending · 2 personalised notes left this month',
    );
  });

  it.each([
    [
      { week: { sent: 37, cap: 100 }, pending: { count: 212 }, notes: { left: 2 } },
      'This week 37/100 · 212 pending · 2 personalised notes left this month',
    ],
    [
      { week: { sent: 0, cap: 150 }, pending: { count: 0 }, notes: { left: 1 } },
      'This week 0/150 · 0 pending · 1 personalised note left this month',
    ],
    [
      { week: { sent: 5, cap: 100 }, pending: { count: 4 }, notes: { left: null } },
      'This week 5/100 · 4 pending',
    ],
  ])('budget line %#', (input, expected) => {
    expect(budgetLine(input as Parameters<typeof budgetLine>[0])).toBe(expected);
  });

  it('takes other limits', () => {
    const strict = { ...DEFAULT_LIMITS, idkWarn: 1, idkDanger: 2 };
    expect(status(entries, settings(), new Date(NOW), strict).warnings[0]).toMatchObject({
      id: 'idk',
      severity: 'danger',
    });
  });

  it('is empty and calm for an empty ledger', () => {
    const empty = status([], settings({ account: 'premium' }), new Date(NOW));
    expect(empty.warnings).toEqual([]);
    expect(budgetLine(empty)).toBe('This week 0/100 · 0 pending');
  });
});
