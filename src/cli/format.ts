import type pc from 'picocolors';
import stringWidth from 'string-width';
import type { CheckReport, Finding, Level } from '../types.js';

export type Colors = ReturnType<typeof pc.createColors>;

const WINDOW = 36;

/**
 * The line of the note that holds [start, end), cropped around the span, with
 * a caret line underneath. Widths are terminal columns, so emoji and CJK line up.
 */
export function underline(
  note: string,
  start: number,
  end: number,
): { line: string; carets: string } {
  const lineStart = note.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = note.indexOf('\n', start);
  if (lineEnd === -1) lineEnd = note.length;
  if (note[lineEnd - 1] === '\r') lineEnd--;
  const spanEnd = Math.max(start, Math.min(end, lineEnd));

  const from = Math.max(lineStart, start - WINDOW);
  const to = Math.min(lineEnd, Math.max(spanEnd, start + 1) + WINDOW);
  const before = (from > lineStart ? '…' : '') + clean(note.slice(from, start));
  const inside = clean(note.slice(start, spanEnd));
  const after = clean(note.slice(spanEnd, to)) + (to < lineEnd ? '…' : '');
  const carets = ' '.repeat(stringWidth(before)) + '^'.repeat(Math.max(1, stringWidth(inside)));
  return { line: before + inside + after, carets };
}

// Tabs and control characters would break the alignment of the caret line;
// bidi controls would reorder the terminal's line around the carets.
function clean(text: string): string {
  return text.replace(/\t/g, ' ').replace(/\p{Cc}|[\u202A-\u202E\u2066-\u2069]/gu, '·');
}

const LEVEL_LABEL: Record<Level, string> = { error: 'error', warning: 'warning', info: 'info' };
const LEVEL_RANK: Record<Level, number> = { error: 0, warning: 1, info: 2 };

export function formatReport(
  note: string,
  report: CheckReport,
  account: string,
  c: Colors,
): string {
  const label = account === 'premium' ? 'Premium' : 'Basic';
  const size = `${report.length}/${report.limit} characters (${label})`;
  const out: string[] = [];
  const over = report.length > report.limit;
  out.push(
    report.ready
      ? `${c.green(c.bold('✔ Ready to send'))} · ${size}`
      : `${c.red(c.bold('✖ Fix before sending'))} · ${over ? c.red(size) : size}`,
  );
  // Errors first: they are what stands between the note and sending it.
  const ordered = [...report.findings].sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
  for (const f of ordered) out.push('', ...formatFinding(note, f, c));
  if (report.findings.length === 0)
    out.push('', c.dim('No findings: it has context, an invitation and a next step.'));
  return `${out.join('\n')}\n`;
}

function formatFinding(note: string, f: Finding, c: Colors): string[] {
  const paint = f.level === 'error' ? c.red : f.level === 'warning' ? c.yellow : c.cyan;
  const lines = [`  ${paint(c.bold(LEVEL_LABEL[f.level]))} ${c.dim(f.rule)}  ${f.message}`];
  // A finding about the whole note (something missing) has nothing to point at.
  const wholeNote = note.slice(0, f.start).trim() === '' && note.slice(f.end).trim() === '';
  if (!wholeNote) {
    const { line, carets } = underline(note, f.start, f.end);
    lines.push(`    ${line}`, `    ${paint(carets)}`);
  }
  if (f.fix) lines.push(`    ${c.bold('Fix:')} ${f.fix}`);
  return lines;
}
