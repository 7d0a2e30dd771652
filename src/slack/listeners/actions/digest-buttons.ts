import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  Logger,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { buildDigest } from '../../../digest/build.js';
import { getRoster } from '../../../digest/roster.js';
import { validTimeZone, weekKey } from '../../../digest/schedule.js';
import { DIGEST_EVENT } from '../../../digest/send.js';
import { errorName } from '../../../errors.js';
import {
  currentStatus,
  type LedgerEntry,
  LedgerInputError,
  type LedgerSettings,
  type Outcome,
  scopePrefix,
} from '../../../ledger/index.js';
import type { Scope } from '../../../store/scope.js';
import {
  DIGEST_STORE_DOWN_TEXT,
  DIGEST_UNKNOWN_ENTRY_LINE,
  digestAlreadyDecidedLine,
  digestRecordedLine,
} from '../../blocks/digest.js';
import { digestMessage } from '../../blocks/digest-message.js';
import type { Deps } from '../../context.js';
import { digestButtonEntryId, digestButtonOutcome } from '../../payload.js';
import { scopeOf } from '../../scope.js';
import { publishHome } from '../../services/home.js';
import { loggableId } from '../route.js';

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
  const zone = (await getRoster(deps.store.kv, scope).catch(() => undefined))?.timeZone;
  const timeZone = zone !== undefined && validTimeZone(zone) ? zone : 'UTC';
  return weekKey(new Date(Number.parseFloat(ts) * 1000), timeZone);
}

/**
 * The user's own DM with the bot, where every digest is posted: what
 * conversations.open answers for that user (the same channel each time).
 */
async function ownDm(client: ButtonArgs['client'], userId: string): Promise<string | undefined> {
  const dm = await client.conversations.open({ users: userId });
  return dm.channel?.id;
}

/**
 * Whether `channel` is the user's own DM with the bot. The payload names the
 * channel; only a message there (where digests go) is recorded from and
 * redrawn, never a message elsewhere that a forged payload points at.
 */
async function inOwnDm(
  client: ButtonArgs['client'],
  userId: string,
  channel: string,
  logger: Logger,
): Promise<boolean> {
  let dm: string | undefined;
  try {
    dm = await ownDm(client, userId);
  } catch (error) {
    logger.error(`digest button: no DM for user ${userId}: ${errorName(error)}`);
    return false;
  }
  if (dm === channel) return true;
  logger.warn(
    `digest button in channel ${loggableId(channel)}, not the DM of user ${userId}: ignored`,
  );
  return false;
}

/** What recording an outcome did, and the ledger as it is after it. */
interface Recorded {
  entries: LedgerEntry[];
  settings: LedgerSettings;
  notice: string;
}

/**
 * Records `outcome` for `entryId` in the user's own ledger (the scope comes
 * from the payload, so a forged entry id finds nothing of anyone else's). An
 * entry already decided or gone changes nothing and says so.
 */
async function recordOutcome(
  deps: Deps,
  scope: Scope,
  entryId: string,
  outcome: Outcome,
  now: Date,
  logger: Logger,
): Promise<Recorded> {
  // The same short lock as the other outcome buttons: two presses at once record one.
  const lock = `outcome/${scopePrefix(scope)}${entryId}`;
  let held = false;
  for (let i = 0; i < 10 && !held; i++) {
    held = (await deps.outcomeLocks.claim(lock, 10_000)) !== false;
    if (!held) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!held) throw new Error('the invitation is locked by another click');
  let updated: LedgerEntry | undefined;
  let entries: LedgerEntry[];
  let settings: LedgerSettings;
  try {
    // Read under the lock: a press just before this one may have decided it.
    ({ entries, settings } = await deps.ledger.snapshot(scope));
    const entry = entries.find((e) => e.id === entryId);
    if (entry === undefined) return { entries, settings, notice: DIGEST_UNKNOWN_ENTRY_LINE };
    if (currentStatus(entry) !== 'pending')
      return { entries, settings, notice: digestAlreadyDecidedLine(entry) };
    updated = await deps.ledger.setOutcome(scope, entryId, outcome, now).catch((error: unknown) => {
      // Forgotten between the read and the write: as good as unknown.
      if (error instanceof LedgerInputError) return undefined;
      throw error;
    });
  } finally {
    await deps.outcomeLocks.release(lock).catch(() => {});
  }
  if (updated === undefined) return { entries, settings, notice: DIGEST_UNKNOWN_ENTRY_LINE };
  logger.info(`outcome from a button user=${scope.userId} outcome=${outcome}`);
  return {
    entries: entries.map((e) => (e.id === entryId ? updated : e)),
    settings,
    notice: digestRecordedLine(updated, outcome),
  };
}

/**
 * A button under a pending invitation, in the weekly digest or on App Home:
 * records the outcome, then redraws where it was pressed. In the digest, that
 * message is updated in place from the ledger as it is now, headed by what
 * happened; on Home, the tab is published again. A store that cannot be
 * reached leaves the digest as it was and tells the user privately. A button
 * on a message anywhere but the user's own DM with the bot changes nothing.
 */
export function digestOutcomeAction(deps: Deps) {
  return async function digestOutcome(args: ButtonArgs): Promise<void> {
    const { ack, action, body, client, context, logger } = args;
    await ack();
    const outcome = digestButtonOutcome(action.action_id);
    const entryId = digestButtonEntryId(action.block_id);
    if (!outcome || !entryId) {
      logger.warn(`${action.action_id}: unreadable outcome button from user ${body.user.id}`);
      return;
    }
    const scope = scopeOf(context, body.user.id, body.user.team_id ?? body.team?.id);
    // One instant for the outcome and the redraw, so the list agrees with what was recorded.
    const now = deps.clock();
    if (body.view?.type === 'home') {
      await recordOutcome(deps, scope, entryId, outcome, now, logger).catch((error: unknown) => {
        logger.error(`home outcome failed for user ${body.user.id}: ${errorName(error)}`);
      });
      // Home shows what is stored: the decided invitation gone, or nothing changed.
      await publishHome(deps, client, scope, logger);
      return;
    }
    await redrawDigest(deps, args, scope, { entryId, outcome, now });
  };
}

/**
 * The digest a button was pressed in, once the outcome is recorded: updated in
 * place from the ledger as it is now, headed by what happened. Only a message
 * in the clicker's own DM with the bot is touched.
 */
async function redrawDigest(
  deps: Deps,
  { action, body, client, logger }: ButtonArgs,
  scope: Scope,
  { entryId, outcome, now }: { entryId: string; outcome: Outcome; now: Date },
): Promise<void> {
  const channel = body.channel?.id;
  const ts = body.message?.ts ?? body.container?.message_ts;
  if (!channel || typeof ts !== 'string') {
    logger.warn(`${action.action_id}: a digest button without its message, user ${body.user.id}`);
    return;
  }
  if (!(await inOwnDm(client, body.user.id, channel, logger))) return;
  let message: ReturnType<typeof digestMessage>;
  try {
    const { entries, settings, notice } = await recordOutcome(
      deps,
      scope,
      entryId,
      outcome,
      now,
      logger,
    );
    message = digestMessage(buildDigest(entries, settings, now), now, notice);
  } catch (error) {
    logger.error(`digest outcome failed for user ${body.user.id}: ${errorName(error)}`);
    try {
      await client.chat.postEphemeral({
        channel,
        user: body.user.id,
        text: DIGEST_STORE_DOWN_TEXT,
      });
    } catch (notified) {
      logger.error(`digest apology failed for user ${body.user.id}: ${errorName(notified)}`);
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
    logger.error(`digest update failed for user ${body.user.id}: ${errorName(error)}`);
  }
}
