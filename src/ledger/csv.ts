/** One CSV field, quoted per RFC 4180 when it holds a comma, a quote, CR or LF. */
export function csvField(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A value a person typed, made safe to open in a spreadsheet: text starting
 * with `=`, `+`, `-`, `@`, tab or CR would be read as a formula, so it gets a
 * leading apostrophe (OWASP's advice on CSV injection).
 */
export function spreadsheetSafe(text: string | undefined): string {
  if (text === undefined) return '';
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Rows joined with CRLF, as RFC 4180 has it, ending with a CRLF. */
export function csvDocument(
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
