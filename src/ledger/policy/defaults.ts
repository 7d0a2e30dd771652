/**
 * Every number the ledger policy uses, in one place. Sources and ranges are in
 * `shared/docs/domain.md`; LinkedIn publishes few exact figures, so each one is
 * a default that a caller may override (see {@link PolicyLimits}).
 */
export interface PolicyLimits {
  /** Weekly cap when the user has not set one. */
  weeklyCapDefault: number;
  /** The lowest and highest weekly cap a user may choose. */
  weeklyCapMin: number;
  weeklyCapMax: number;
  /** The rolling window the weekly cap applies to, in days. */
  weeklyWindowDays: number;
  /** Share of the weekly cap at which the weekly count turns into a warning. */
  weeklyWarnShare: number;
  /** Pacing: warn when today's sends exceed this share of the weekly cap. */
  dailyPaceShare: number;
  /** Pending invitations at which LinkedIn may restrict the account. */
  pendingDanger: number;
  /** Share of `pendingDanger` at which the pending count turns into a warning. */
  pendingWarnShare: number;
  /** A pending invitation older than this is stale: withdraw it. */
  stalePendingDays: number;
  /** A pending invitation older than this is very stale. */
  veryStalePendingDays: number;
  /** After a withdrawal, the same person cannot be invited again for this many days. */
  withdrawCooldownDays: number;
  /** Ignored once: wait between these many days before inviting again. */
  ignoredOnceMinDays: number;
  ignoredOnceMaxDays: number;
  /** Ignored twice: wait this many days. */
  ignoredTwiceDays: number;
  /** Ignored this many times: stop inviting this person. */
  ignoredStopCount: number;
  /** "I don't know this person" answers: warn, then danger. */
  idkWarn: number;
  idkDanger: number;
  /** Personalised notes a Basic account may send per calendar month. */
  basicNotesPerMonth: number;
  /** Windows for the acceptance rate, in days. */
  acceptanceWindowsDays: readonly number[];
}

export const DEFAULT_LIMITS: Readonly<PolicyLimits> = Object.freeze({
  weeklyCapDefault: 100,
  weeklyCapMin: 100,
  weeklyCapMax: 200,
  weeklyWindowDays: 7,
  weeklyWarnShare: 0.8,
  dailyPaceShare: 0.2,
  pendingDanger: 500,
  pendingWarnShare: 0.8,
  stalePendingDays: 7,
  veryStalePendingDays: 21,
  withdrawCooldownDays: 21,
  ignoredOnceMinDays: 90,
  ignoredOnceMaxDays: 180,
  ignoredTwiceDays: 365,
  ignoredStopCount: 3,
  idkWarn: 3,
  idkDanger: 5,
  basicNotesPerMonth: 3,
  acceptanceWindowsDays: Object.freeze([30, 90]),
});

export const DAY_MS = 24 * 60 * 60 * 1000;
