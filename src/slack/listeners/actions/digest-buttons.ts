import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { digestButtonEntryId, digestButtonOutcome, digestMessage } from '../../../digest/blocks.js';
import { buildDigest } from '../../../digest/build.js';
import { DIGEST_EVENT, getRoster } from '../../../digest/run.js';
import { validTimeZone, weekKey } from '../../../digest/schedule.js';
import { currentStatus, type LedgerEntry, LedgerInputError } from '../../../ledger/index.js';
import type { Scope } from '../../../store/scope.js';
import {
  DIGEST_STORE_DOWN_TEXT,
  DIGEST_UNKNOWN_ENTRY_LINE,
  digestAlreadyDecidedLine,
  digestRecordedLine,
} from '../../blocks/digest.js';
import type { Deps } from '../../context.js';
import { scopeOf } from '../../scope.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

const WEEK = /^\d{4}-W\d{2}$/;

/**
 * The week the clicked digest was sent for, so that the updated message keeps
 * the metadata the scheduler looks for: from the message's own metadata when
 * Slack sends it, else the ISO week the message was posted in (its ts) on the
 * user's calendar.
 */
async function digestWeek(
  deps: Deps,
  scope: Scope,
  message: { ts?: unknown; metadata?: unknown } | undefined,
  ts: string,
): Promise<string> {
  const metadata = message?.metadata as
    | { event_type?: unknown; event_payload?: { week?: unknown } }
    | undefined;
  const week = metadata?.event_payload?.week;
  if (metadata?.event_type === DIGEST_EVENT && typeof week === 'string' && WEEK.test(week))
    return week;
  const zone = (await getRoster(deps.store.keyv, scope).catch(() => undefined))?.timeZone;
  const timeZone = zone !== undefined && validTimeZone(zone) ? zone : 'UTC';
  return weekKey(new Date(Number.parseFloat(ts) * 1000), timeZone);
}

/**
 * A button under a stale invitation in the weekly digest: records the outcome
 * in the clicking user's own ledger (the scope comes from the payload, so a
 * forged entry id finds nothing of anyone else's), then redraws that digest
 * in place from the ledger as it is now, headed by what happened. An entry
 * already decided or gone changes nothing and says so; a store that cannot
 * be reached leaves the message as it was and tells the user privately.
 */
export function digestOutcomeAction(deps: Deps) {
  return async function digestOutcome({
    ack,
    action,
    body,
    client,
    context,
    logger,
  }: ButtonArgs): Promise<void> {
    await ack();
    const outcome = digestButtonOutcome(action.action_id);
    const entryId = digestButtonEntryId(action.block_id);
    const channel = body.channel?.id;
    const ts = body.message?.ts ?? body.container?.message_ts;
    if (!outcome || !entryId || !channel || typeof ts !== 'string') {
      logger.warn(`${action.action_id}: unreadable digest button from user ${body.user.id}`);
      return;
    }
    const scope = scopeOf(context, body.user.id, body.user.team_id ?? body.team?.id);
    let message: ReturnType<typeof digestMessage>;
    try {
      const { entries, settings } = await deps.ledger.snapshot(scope);
      const entry = entries.find((e) => e.id === entryId);
      let notice: string;
      // One instant for the outcome and the redraw, so the list agrees with what was recorded.
      const now = deps.clock();
      let after: LedgerEntry[] = entries;
      if (entry === undefined) {
        notice = DIGEST_UNKNOWN_ENTRY_LINE;
      } else if (currentStatus(entry) !== 'pending') {
        notice = digestAlreadyDecidedLine(entry);
      } else {
        const updated = await deps.ledger
          .setOutcome(scope, entryId, outcome, now)
          .catch((error: unknown) => {
            // Forgotten between the read and the write: as good as unknown.
            if (error instanceof LedgerInputError) return undefined;
            throw error;
          });
        if (updated === undefined) {
          notice = DIGEST_UNKNOWN_ENTRY_LINE;
        } else {
          after = entries.map((e) => (e.id === entryId ? updated : e));
          notice = digestRecordedLine(updated, outcome);
          logger.info(`digest outcome user=${body.user.id} outcome=${outcome}`);
        }
      }
      message = digestMessage(buildDigest(after, settings, now), now, notice);
    } catch (error) {
      logger.error(`digest outcome failed for user ${body.user.id}: ${(error as Error).name}`);
      try {
        await client.chat.postEphemeral({
          channel,
          user: body.user.id,
          text: DIGEST_STORE_DOWN_TEXT,
        });
      } catch (notified) {
        logger.error(`digest apology failed for user ${body.user.id}: ${(notified as Error).name}`);
      }
      return;
    }
    try {
      const week = await digestWeek(deps, scope, body.message, ts);
      await client.chat.update({
        channel,
        ts,
        text: message.text,
        blocks: message.blocks,
        metadata: { event_type: DIGEST_EVENT, event_payload: { week } },
      });
    } catch (error) {
      logger.error(`digest update failed for user ${body.user.id}: ${(error as Error).name}`);
    }
  };
}
