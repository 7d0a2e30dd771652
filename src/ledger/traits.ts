import type { CheckReport } from '../types.js';
import type { NoteTraits } from './records.js';

/**
 * The {@link NoteTraits} of a checked note, read off its report: the text is
 * not needed, so callers never pass it further. A blank note has none (no
 * rule but `blank-note` looks at it, so "no finding" would say nothing).
 */
export function noteTraits(report: CheckReport): NoteTraits | undefined {
  if (report.length === 0 || report.findings.some((f) => f.rule === 'blank-note')) return undefined;
  const fired = (rule: string) => report.findings.some((f) => f.rule === rule);
  return { context: !fired('missing-context'), nextStep: !fired('missing-next-step') };
}
