import { isAccount, NOTE_LIMITS } from './limits.js';
import { type Rule, rules } from './rules/index.js';
import { Note } from './text/note.js';
import type { CheckOptions, CheckReport, Finding, Level } from './types.js';

const LEVEL_ORDER: Record<Level, number> = { error: 0, warning: 1, info: 2 };

export class CheckOptionsError extends TypeError {
  override name = 'CheckOptionsError';
}

/**
 * Checks an invitation note. Offsets in findings point into `note` exactly as
 * it was passed, Slack markup and all.
 */
export function checkNote(note: string, options: CheckOptions = {}): CheckReport {
  return checkNoteWith(rules, note, options);
}

/** checkNote with another set of rules (the evaluation swaps in a fold's weights). */
export function checkNoteWith(
  rules: readonly Rule[],
  note: string,
  options: CheckOptions = {},
): CheckReport {
  if (typeof note !== 'string')
    throw new CheckOptionsError('checkNote: the note must be a string.');
  const account = options.account ?? 'basic';
  if (!isAccount(account)) {
    throw new CheckOptionsError(
      `checkNote: account must be "basic" or "premium", not ${JSON.stringify(account)}.`,
    );
  }
  const limit = NOTE_LIMITS[account];
  const analysed = new Note(note);
  const findings: Finding[] = [];

  for (const rule of rules) {
    const setting = options.rules?.[rule.id];
    if (setting === 'off') continue;
    // A blank note has nothing else worth saying about it.
    if (analysed.isBlank && rule.id !== 'blank-note') continue;
    const level = setting ?? rule.level;
    for (const f of rule.check(analysed, { account, limit })) {
      findings.push({
        rule: rule.id,
        level,
        message: f.message,
        fix: f.fix,
        start: f.start,
        end: f.end,
      });
    }
  }

  findings.sort((a, b) => a.start - b.start || LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  return {
    ready: !findings.some((f) => f.level === 'error'),
    length: analysed.length,
    limit,
    findings,
  };
}
