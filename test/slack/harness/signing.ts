import { createHmac } from 'node:crypto';

/**
 * `X-Slack-Signature` exactly as Slack computes it: HMAC-SHA256 keyed with the
 * signing secret over `v0:<timestamp>:<raw body>`, hex, prefixed `v0=`.
 */
export function slackSignature(secret: string, timestamp: number | string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** The headers Slack sends with a signed request. */
export function signedHeaders(
  secret: string,
  body: string,
  contentType: string,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(secret, timestamp, body),
  };
}
