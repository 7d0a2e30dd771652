import { normaliseName, profileSlug, type Recipient, sameRecipient } from '../recipient.js';
import { currentStatus, type LedgerEntry } from '../records.js';
import { DAY_MS, DEFAULT_LIMITS, type PolicyLimits } from './defaults.js';
import { addDays, toMs } from './time.js';
import type { LedgerWarning } from './warning.js';

/** Entries that went to the same person as `recipient` (see {@link sameRecipient}). */
export function entriesFor(entries: readonly LedgerEntry[], recipient: Recipient): LedgerEntry[] {
  return entries.filter((e) => sameRecipient(e.recipient, recipient));
}

/** Already pending to this person: LinkedIn will not take a second invitation. */
export function alreadyPending(matches: readonly LedgerEntry[]): LedgerWarning | undefined {
  const pending = matches.filter((e) => currentStatus(e) === 'pending');
  if (pending.length === 0) return undefined;
  return {
    id: 'already-pending',
    severity: 'danger',
    message: 'An invitation to this person is already pending: LinkedIn will not send another.',
    entryIds: pending.map((e) => e.id),
  };
}

function latestChange(entries: readonly LedgerEntry[], status: string): number | undefined {
  let latest: number | undefined;
  for (const e of entries) {
    for (const h of e.history) {
      if (h.status !== status) continue;
      const at = toMs(h.at);
      if (latest === undefined || at > latest) latest = at;
    }
  }
  return latest;
}

/**
 * When a new invitation to this person (`matches`) is no longer blocked by a
 * withdrawal cooldown or an ignore back-off, in ms: the later of the two
 * that are in force at `now`; `undefined` when neither is; `Infinity` when
 * they ignored too many invitations for any date to lift it. The same
 * judgement as {@link withdrawCooldown} and {@link ignoreBackoff}, as one
 * number and without their messages (the digest asks it for many people).
 */
export function reinviteBlockedUntil(
  matches: readonly LedgerEntry[],
  now: Date,
  limits: PolicyLimits = DEFAULT_LIMITS,
): number | undefined {
  const t = now.getTime();
  const withdrawnAt = latestChange(matches, 'withdrawn');
  const cooldown =
    withdrawnAt === undefined ? undefined : withdrawnAt + limits.withdrawCooldownDays * DAY_MS;
  const ignored = matches.filter((e) => e.history.some((h) => h.status === 'ignored'));
  const ignoredAt = latestChange(ignored, 'ignored');
  let backoff: number | undefined;
  if (ignoredAt !== undefined) {
    if (ignored.length >= limits.ignoredStopCount) return Number.POSITIVE_INFINITY;
    const days = ignored.length === 2 ? limits.ignoredTwiceDays : limits.ignoredOnceMinDays;
    backoff = ignoredAt + days * DAY_MS;
  }
  const inForce = [cooldown, backoff].filter((u): u is number => u !== undefined && t < u);
  return inForce.length === 0 ? undefined : Math.max(...inForce);
}

/**
 * Withdrawn less than `withdrawCooldownDays` ago: LinkedIn blocks a new
 * invitation until then. Exactly 21 days after the withdrawal it reopens.
 */
export function withdrawCooldown(
  matches: readonly LedgerEntry[],
  now: Date,
  limits: PolicyLimits = DEFAULT_LIMITS,
): LedgerWarning | undefined {
  const withdrawnAt = latestChange(matches, 'withdrawn');
  if (withdrawnAt === undefined) return undefined;
  const reopens = withdrawnAt + limits.withdrawCooldownDays * DAY_MS;
  if (now.getTime() >= reopens) return undefined;
  const until = new Date(reopens).toISOString();
  return {
    id: 'withdraw-cooldown',
    severity: 'danger',
    message: `You withdrew an invitation to this person less than ${limits.withdrawCooldownDays} days ago: LinkedIn blocks a new one until ${until.slice(0, 10)}.`,
    until,
    entryIds: matches
      .filter((e) => e.history.some((h) => h.status === 'withdrawn'))
      .map((e) => e.id),
  };
}

/**
 * Ignored before: once, wait 3–6 months; twice, a year; three times, stop. The
 * wait counts from the latest time an invitation to them was marked ignored.
 */
export function ignoreBackoff(
  matches: readonly LedgerEntry[],
  now: Date,
  limits: PolicyLimits = DEFAULT_LIMITS,
): LedgerWarning | undefined {
  const ignored = matches.filter((e) => e.history.some((h) => h.status === 'ignored'));
  const ignoredAt = latestChange(ignored, 'ignored');
  if (ignoredAt === undefined) return undefined;
  const entryIds = ignored.map((e) => e.id);
  if (ignored.length >= limits.ignoredStopCount) {
    return {
      id: 'ignore-backoff',
      severity: 'danger',
      message: `This person ignored ${ignored.length} invitations: stop, unless there is a new reason to connect.`,
      entryIds,
    };
  }
  const t = now.getTime();
  if (ignored.length === 2) {
    const until = addDays(ignoredAt, limits.ignoredTwiceDays);
    if (t >= toMs(until)) return undefined;
    return {
      id: 'ignore-backoff',
      severity: 'warn',
      message: `This person ignored two invitations: wait ${limits.ignoredTwiceDays} days, until ${until.slice(0, 10)}.`,
      until,
      entryIds,
    };
  }
  const until = addDays(ignoredAt, limits.ignoredOnceMinDays);
  if (t >= toMs(until)) return undefined;
  const later = addDays(ignoredAt, limits.ignoredOnceMaxDays);
  return {
    id: 'ignore-backoff',
    severity: 'warn',
    message: `This person ignored an invitation: wait ${limits.ignoredOnceMinDays}–${limits.ignoredOnceMaxDays} days, until ${until.slice(0, 10)} at the earliest (${later.slice(0, 10)} is safer).`,
    until,
    entryIds,
  };
}

/**
 * {@link entriesFor} for many entries of one ledger at once: `sameAs(i)` is
 * every entry sent to the same person as `entries[i]`, by the rule of
 * {@link sameRecipient}, with each entry's slug and folded name worked out
 * once and only for the entries compared.
 */
export function recipientMatcher(entries: readonly LedgerEntry[]): (i: number) => LedgerEntry[] {
  // `null`: not worked out yet.
  const slugs: Array<string | undefined | null> = new Array(entries.length).fill(null);
  const names: Array<string | undefined | null> = new Array(entries.length).fill(null);
  const slugOf = (i: number, url: string) => {
    let slug = slugs[i];
    if (slug === null) slugs[i] = slug = profileSlug(url);
    return slug;
  };
  const nameOf = (i: number, name: string) => {
    let folded = names[i];
    if (folded === null) names[i] = folded = normaliseName(name);
    return folded;
  };
  return (i) => {
    const a = entries[i]?.recipient;
    if (a === undefined) return [];
    return entries.filter(({ recipient: b }, j) => {
      // The rule of sameRecipient: profile URLs when both have one, else names.
      if (a.profileUrl !== undefined && b.profileUrl !== undefined)
        return slugOf(i, a.profileUrl) === slugOf(j, b.profileUrl);
      return (
        a.name !== undefined && b.name !== undefined && nameOf(i, a.name) === nameOf(j, b.name)
      );
    });
  };
}
