/**
 * Makes user text safe inside Slack `mrkdwn`: `&`, `<` and `>` become entities,
 * so `<!channel>`, `<!here>`, `<@U123>` or a link in a note show as typed and
 * never ping or unfurl anything. Apply to every string that came from a user.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
