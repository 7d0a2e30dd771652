import { webApi } from '@slack/bolt';

/** A reason the app cannot start, as one line for the terminal (like the config errors). */
export class StartError extends Error {
  override name = 'StartError';
}

/** Who the bot token belongs to, so that Bolt need not ask Slack again. */
export interface BotIdentity {
  botId?: string;
  botUserId?: string;
}

/** Slack's answers for a token that is wrong, revoked or no longer usable. */
const REFUSED = new Set([
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'account_inactive',
  'not_allowed_token_type',
]);

export interface TokenCheckOptions {
  botToken: string;
  slackApiUrl?: string | undefined;
  /** Retries of a network failure before giving up (a blip at start is not worth a crash loop). */
  retries?: number;
}

/**
 * `auth.test` with the bot token, before anything listens: Bolt would
 * otherwise log "listening" and then die of the refusal with a stack trace.
 * A refused token or an unreachable Slack throws {@link StartError}, whose
 * message names the cause and what to do, never the token.
 */
export async function checkBotToken(options: TokenCheckOptions): Promise<BotIdentity> {
  const client = new webApi.WebClient(options.botToken, {
    ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
    retryConfig: { retries: options.retries ?? 2, factor: 2, minTimeout: 500, maxTimeout: 2000 },
    timeout: 10_000,
    // Its own logger would print the failure (with a stack) before we do.
    logLevel: webApi.LogLevel.ERROR,
    logger: silentLogger(),
  });
  try {
    const result = await client.auth.test();
    return {
      ...(result.bot_id ? { botId: result.bot_id } : {}),
      ...(result.user_id ? { botUserId: result.user_id } : {}),
    };
  } catch (error) {
    throw new StartError(reason(error, options.slackApiUrl));
  }
}

function reason(error: unknown, slackApiUrl: string | undefined): string {
  const where = slackApiUrl ? `Slack at ${new URL(slackApiUrl).origin}` : 'Slack';
  if (error instanceof webApi.WebAPIPlatformError) {
    const code = error.data.error;
    if (REFUSED.has(code)) {
      return `SLACK_BOT_TOKEN was refused by Slack (${code}): it belongs to another app or workspace, or was revoked by a reinstall. Copy the Bot User OAuth Token again from OAuth & Permissions.`;
    }
    return `Slack refused to check SLACK_BOT_TOKEN (${code}); see README, "Troubleshooting".`;
  }
  if (error instanceof webApi.WebAPIHTTPError) {
    return `${where} answered the bot token check with HTTP ${error.statusCode}; try again in a moment.`;
  }
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return `${where} rate-limited the bot token check; try again in ${error.retryAfter} s.`;
  }
  const original = error instanceof webApi.WebAPIRequestError ? error.original : error;
  // fetch puts the system error (ECONNREFUSED, ENOTFOUND) under `cause`.
  const failure = original as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = failure?.code ?? failure?.cause?.code;
  return `invite-coach could not reach ${where} to check SLACK_BOT_TOKEN${typeof code === 'string' ? ` (${code})` : ''}: check the network${slackApiUrl ? ' and SLACK_API_URL' : ''}.`;
}

function silentLogger(): webApi.Logger {
  const none = () => {};
  return {
    debug: none,
    info: none,
    warn: none,
    error: none,
    setLevel: none,
    getLevel: () => webApi.LogLevel.ERROR,
    setName: none,
  };
}
