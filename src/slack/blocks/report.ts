import type { types } from '@slack/bolt';
import type { Account, CheckReport, Finding, Level } from '../../types.js';
import { sentState } from '../input.js';
import { sentButton } from './ledger.js';
import { context, type Message, section } from './message.js';
import { rawSlackText, truncate, userText } from './text.js';

/** Findings shown in full; Slack allows 50 blocks a message and people read fewer. */
export const MAX_FINDINGS_SHOWN = 15;
/** Characters of the note shown on each side of the words at fault. */
const CONTEXT_RADIUS = 30;
/** A fault longer than this is shown cut, or as "the whole note". */
const MAX_FAULT = 80;
/** A range covering the whole note is named, not quoted, once it is longer than this. */
const WHOLE_MIN = 20;
/** Embeddings, overrides and isolates (the bidi-control rule's characters). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

const LEVEL_LABEL: Record<Level, string> = {
  error: ':x: *Error*',
  warning: ':warning: *Warning*',
  info: ':information_source: *Tip*',
};

const LEVEL_RANK: Record<Level, number> = { error: 0, warning: 1, info: 2 };

export const ACCOUNT_LABEL: Record<Account, string> = { basic: 'Basic', premium: 'Premium' };

/** What a check reply shows besides the verdict. */
export interface ReportExtras {
  /** Adds the "I sent it" button (a message the user can act on; not inside a modal). */
  sentButton?: boolean;
  /** The ledger's budget line, for a user who has a ledger. */
  budget?: string | undefined;
  /** Personalised notes left this month on Basic (null on Premium), for a user who has a ledger. */
  notesLeft?: number | null | undefined;
}

/** At or below this many personalised notes left, a note without context gets the Basic advice. */
export const LOW_NOTES_LEFT = 1;

/**
 * Honest advice for Basic (issue 10, docs/domain.md): a note that says nothing
 * of how they know each other spends one of the month's few notes for nothing,
 * and published data finds acceptance about the same with and without a note.
 */
export function basicNoteAdvice(
  report: CheckReport,
  account: Account,
  notesLeft: number | null | undefined,
): string | undefined {
  if (account !== 'basic' || notesLeft === null || notesLeft === undefined) return undefined;
  if (notesLeft > LOW_NOTES_LEFT) return undefined;
  if (!report.findings.some((f) => f.rule === 'missing-context')) return undefined;
  const evidence =
    'with and without a note is about the same (26.4% either way in one study of 16,492 invitations)';
  if (notesLeft === 0)
    return `:bulb: No personalised notes left this month, and this note doesn't say how you know them: send the invitation without a note. Acceptance ${evidence}.`;
  const left = `${notesLeft} personalised ${notesLeft === 1 ? 'note' : 'notes'}`;
  return `:bulb: You have ${left} left this month, and this note doesn't say how you know them. Sending the invitation without a note keeps a note for someone you know: acceptance ${evidence}.`;
}

/**
 * The checker's verdict as a Slack message: ready or not, length against the
 * account's limit, then each finding with its level, the words at fault in
 * their context, and the fix. Every piece of user text is sanitized and escaped.
 */
export function reportMessage(
  note: string,
  report: CheckReport,
  account: Account,
  extras: ReportExtras = {},
): Message {
  const errors = report.findings.filter((f) => f.level === 'error').length;
  const verdict = report.ready
    ? ':white_check_mark: *Ready to send.*'
    : `:pencil2: *Fix before sending* — ${errors} ${errors === 1 ? 'problem' : 'problems'} to fix.`;
  const over = report.length - report.limit;
  const lengthLine = `${report.length}/${report.limit} characters · ${ACCOUNT_LABEL[account]} account${
    over > 0 ? ` · *${over} over*` : ''
  }`;

  const blocks: types.KnownBlock[] = [section(verdict), context(lengthLine)];
  if (report.findings.length === 0) {
    blocks.push(section('No problems found. Nice note!'));
  } else {
    blocks.push({ type: 'divider' });
    // Errors first (they decide the verdict), then warnings, then tips; by position within each.
    const ordered = [...report.findings].sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
    for (const finding of ordered.slice(0, MAX_FINDINGS_SHOWN)) {
      blocks.push(section(findingText(note, finding)));
    }
    const hidden = report.findings.length - MAX_FINDINGS_SHOWN;
    if (hidden > 0)
      blocks.push(context(`…and ${hidden} more. Fix the ones above and check again.`));
  }
  if (extras.sentButton) {
    blocks.push({ type: 'actions', elements: [sentButton(sentState('check', note, report))] });
  }
  blocks.push(context('Account type is set in my *Home* tab.'));
  if (extras.budget !== undefined) blocks.push(context(userText(extras.budget)));
  const advice = basicNoteAdvice(report, account, extras.notesLeft);
  if (advice !== undefined) blocks.push(context(advice));

  const text = report.ready
    ? `Ready to send (${report.length}/${report.limit} characters).`
    : `Fix before sending: ${errors} ${errors === 1 ? 'problem' : 'problems'} (${report.length}/${report.limit} characters).`;
  return { text, blocks };
}

/** One finding: level and message, the words at fault in context, the fix. */
export function findingText(note: string, finding: Finding): string {
  const lines = [`${LEVEL_LABEL[finding.level]} — ${userText(truncate(finding.message, 600))}`];
  const quote = faultInContext(note, finding.start, finding.end);
  if (quote) lines.push(`>${quote}`);
  if (finding.fix) lines.push(`*Fix:* ${userText(truncate(finding.fix, 600))}`);
  return lines.join('\n');
}

/**
 * The words at `[start, end)` in bold with a little of the note on each side,
 * on one line, escaped as raw Slack text. An empty range is marked with ‸; a range holding
 * (nearly) the whole note is said so rather than quoted.
 */
export function faultInContext(note: string, start: number, end: number): string {
  const s = Math.max(0, Math.min(start, note.length));
  const e = Math.max(s, Math.min(end, note.length));
  // Bidi controls would reorder the reply itself around the quote: never echo them.
  const flat = (t: string) => t.replace(BIDI_CONTROLS, '').replace(/\s+/g, ' ');
  const fault = note.slice(s, e);
  if (fault.trim() === '' && e > s) return '';
  const whole = note.slice(0, s).trim() === '' && note.slice(e).trim() === '';
  if (whole && fault.trim().length > WHOLE_MIN) return ' _(the whole note)_';

  const beforeStart = Math.max(0, s - CONTEXT_RADIUS);
  let before = flat(note.slice(beforeStart, s));
  // Cut context at a space where one exists, so no word (or markup) is shown half.
  if (beforeStart > 0) before = `…${before.replace(/^\S*\s(?=.)/, '')}`;
  const afterEnd = Math.min(note.length, e + CONTEXT_RADIUS);
  let after = flat(note.slice(e, afterEnd));
  if (afterEnd < note.length) after = `${after.replace(/(?<=.)\s\S*$/, '')}…`;
  before = before.trimStart();
  after = after.trimEnd();
  const shownFault = truncate(flat(fault).trim(), MAX_FAULT);
  // Bold needs the asterisks against non-space characters; keep the spaces outside.
  const lead = /^\s/.test(fault) ? ' ' : '';
  const trail = /\s$/.test(fault) ? ' ' : '';
  const marked = shownFault ? `${lead}*${rawSlackText(shownFault)}*${trail}` : '‸';
  return ` ${rawSlackText(before)}${marked}${rawSlackText(after)}`;
}
