import { escapeMrkdwn, stripBidiControls } from '../../text/mrkdwn.js';

// Rule messages that quote the note go through it too.
export { escapeMrkdwn };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// C0/C1 controls except tab and newline; they can garble a one-line quote.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * Replaces lone surrogates and control characters with U+FFFD so the text is
 * valid and visible, and drops bidi controls so it shows in its own order.
 */
export function sanitize(text: string): string {
  return stripBidiControls(text).replace(LONE_SURROGATE, '\uFFFD').replace(CONTROL, '\uFFFD');
}

/**
 * Escapes text exactly as Slack sent it (a note from a command or a DM), where a
 * typed `&`, `<`, `>` already arrive as `&amp;`, `&lt;`, `&gt;` and only markup
 * (`<@U123>`, `<!here>`, links) uses real angle brackets. Every `<` and `>`
 * is escaped, so markup shows as typed and never pings; an `&` is escaped
 * unless it already starts one of those three entities, so what the person
 * typed shows as they typed it (not as `&amp;`).
 */
export function escapeSlackText(text: string): string {
  return text
    .replace(/&(?!(?:amp|lt|gt);)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Sanitized and escaped: what every echo of plain text (rule messages, fixes) goes through. */
export function userText(text: string): string {
  return escapeMrkdwn(sanitize(text));
}

/** Sanitized and escaped: what every echo of the raw note, as Slack sent it, goes through. */
export function rawSlackText(text: string): string {
  return escapeSlackText(sanitize(text));
}

/** Cuts text to at most `max` UTF-16 units with an ellipsis, never splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${text.slice(0, cut)}…`;
}
