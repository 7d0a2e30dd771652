import { HTTPReceiver, type Logger, type LogLevel } from '@slack/bolt';

/** Slack's rule for `X-Slack-Request-Timestamp`: five minutes either way of the server's clock. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export interface HttpReceiverOptions {
  signingSecret: string;
  port: number;
  /** The receiver's own logger (Bolt's console logger at `logLevel` without one). */
  logger?: Logger | undefined;
  logLevel: LogLevel;
  /** Where a refusal is logged: the app's logger, known once the app exists. */
  log: () => Logger;
  /** Milliseconds since the epoch; the real clock by default. */
  now?: () => number;
}

/**
 * Bolt's HTTP receiver (signature checked, stale timestamps refused), with
 * the other half of Slack's timestamp rule in front of it: Bolt refuses a
 * timestamp more than five minutes old but accepts any in the future, so a
 * request signed with a timestamp ten years ahead could be replayed for ten
 * years. Such a request gets `401` before Bolt reads it.
 */
export function createHttpReceiver(options: HttpReceiverOptions): HTTPReceiver {
  const now = options.now ?? Date.now;
  const receiver = new HTTPReceiver({
    signingSecret: options.signingSecret,
    port: options.port,
    ...(options.logger ? { logger: options.logger } : { logLevel: options.logLevel }),
  });
  const bolt = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    const header = req.headers['x-slack-request-timestamp'];
    const timestamp = typeof header === 'string' ? Number(header) : Number.NaN;
    // A missing or malformed header is Bolt's to refuse (ssl_check comes without one).
    if (Number.isFinite(timestamp) && timestamp - now() / 1000 > MAX_CLOCK_SKEW_SECONDS) {
      options.log().warn('refused a request timestamped more than five minutes in the future');
      req.resume();
      res.writeHead(401);
      res.end();
      return;
    }
    bolt(req, res);
  };
  return receiver;
}
