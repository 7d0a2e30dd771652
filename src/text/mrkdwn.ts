/**
 * Bidirectional embeddings, overrides and isolates (U+202A–202E,
 * U+2066–2069): invisible, they reorder the text around them, so a quoted
 * name or note could display as something else than what it holds (and
 * reorder our own words after it).
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** `text` without bidi controls: what every quote of user text in a reply shows. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * Makes user text safe inside Slack `mrkdwn`: `&`, `<` and `>` become entities,
 * so `<!channel>`, `<!here>`, `<@U123>` or a link in a note show as typed and
 * never ping or unfurl anything; bidi controls are dropped. Apply to every
 * string that came from a user.
 */
export function escapeMrkdwn(text: string): string {
  return stripBidiControls(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
