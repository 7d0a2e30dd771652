import { type LedgerRepository, summaryCovers } from '../ledger/index.js';
import type { Scope } from '../store/scope.js';
import { buildDigest, type DigestContent } from './build.js';

/**
 * The part of the Slack Web API the digest uses (Bolt's `app.client` fits:
 * its WebClient sends a string argument as it is).
 */
export interface DigestClient {
  chat: {
    postMessage(args: {
      channel: string;
      text: string;
      /**
       * The Block Kit blocks as JSON text. Slack takes the arguments
       * form-encoded, blocks as a JSON string; given an array, @slack/web-api
       * walks and stringifies it for its debug log (even when debug is off)
       * and again to send it, a large share of a digest's cost.
       */
      blocks: string;
      metadata?: { event_type: string; event_payload: Record<string, string> };
    }): Promise<unknown>;
  };
  conversations: {
    open(args: { users: string }): Promise<{ channel?: { id?: string } }>;
    history(args: {
      channel: string;
      limit: number;
      include_all_metadata: boolean;
      oldest?: string;
      cursor?: string;
    }): Promise<{
      messages?: Array<{ metadata?: { event_type?: string; event_payload?: unknown } }>;
      has_more?: boolean;
      response_metadata?: { next_cursor?: string };
    }>;
  };
  users: { info(args: { user: string }): Promise<{ user?: { tz?: string } }> };
}

/** Builds and sends one user's digest now (`/invite-coach digest now` and the scheduler). */
export const DIGEST_EVENT = 'invite_coach_digest';

/** The most of a DM's history a takeover reads (200 messages a page). */
const MAX_HISTORY_PAGES = 25;

/**
 * Whether this week's digest is already in the user's DM: asked only when a
 * claim was taken over from a holder that died, which may have posted just
 * before. Each digest carries its week in the message metadata. The history
 * is paged back to `since` (when the week's digest could first have been
 * posted), so a DM busy with checked notes since then still shows it.
 */
export async function alreadyInDm(
  client: DigestClient,
  userId: string,
  week: string,
  since?: Date,
): Promise<boolean> {
  const dm = await client.conversations.open({ users: userId });
  const channel = dm.channel?.id;
  if (!channel) return false;
  let cursor: string | undefined;
  for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
    const history = await client.conversations.history({
      channel,
      limit: 200,
      include_all_metadata: true,
      ...(since ? { oldest: (since.getTime() / 1000).toFixed(6) } : {}),
      ...(cursor ? { cursor } : {}),
    });
    const found = (history.messages ?? []).some(
      (m) =>
        m.metadata?.event_type === DIGEST_EVENT &&
        (m.metadata.event_payload as { week?: unknown } | undefined)?.week === week,
    );
    if (found) return true;
    cursor = history.response_metadata?.next_cursor || undefined;
    if (cursor === undefined) return false;
  }
  return false;
}

/**
 * The digest as the message to post, from what `buildDigest` computed: the
 * Slack side's builder (`slack/blocks/digest-message.ts`), handed in so that
 * this layer builds no Block Kit.
 */
export type DigestRenderer = (
  content: DigestContent,
  now: Date,
) => { text: string; blocks: readonly unknown[] };

/** What sending a digest needs: the ledger to build it from, Slack to post it, the clock it is built as of, the message builder. */
export interface DigestSendDeps {
  ledger: LedgerRepository;
  client: DigestClient;
  clock: () => Date;
  render: DigestRenderer;
}

export async function sendDigest(deps: DigestSendDeps, scope: Scope, week?: string): Promise<void> {
  const now = deps.clock();
  const { entries, settings, summary } = await deps.ledger.snapshot(scope);
  // The read's own summary of these entries, when it made one reaching back far enough.
  const read = summary !== undefined && summaryCovers(summary, now) ? summary : undefined;
  const digest = deps.render(buildDigest(entries, settings, now, undefined, read), now);
  await deps.client.chat.postMessage({
    channel: scope.userId,
    text: digest.text,
    // As JSON text, which is what a form-encoded post carries: the Web API
    // client would otherwise serialise the array more than once.
    blocks: JSON.stringify(digest.blocks),
    ...(week ? { metadata: { event_type: DIGEST_EVENT, event_payload: { week } } } : {}),
  });
}
