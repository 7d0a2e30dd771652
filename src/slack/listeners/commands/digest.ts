import type { AllMiddlewareArgs, Logger, RespondFn, SlackCommandMiddlewareArgs } from '@slack/bolt';
import {
  enrollDigest,
  getRoster,
  type RosterRecord,
  scheduleSummary,
} from '../../../digest/roster.js';
import { parseScheduleArgs } from '../../../digest/schedule.js';
import { type DigestClient, sendDigest } from '../../../digest/send.js';
import { errorName } from '../../../errors.js';
import type { Scope } from '../../../store/scope.js';
import { digestMessage } from '../../blocks/digest-message.js';
import type { Deps } from '../../context.js';

interface DigestArgs {
  ack: SlackCommandMiddlewareArgs['ack'];
  client: AllMiddlewareArgs['client'];
  logger: Logger;
  respond: RespondFn;
  scope: Scope;
}

function describeSchedule(record: RosterRecord): string {
  if (!record.enabled)
    return 'Your weekly digest is *off*. `/invite-coach digest on` turns it back on.';
  return `Your weekly digest comes on ${scheduleSummary(record)}.`;
}

/**
 * `/invite-coach digest [on|off|now|<day> <hour>]`: shows or changes the
 * user's digest schedule (stored on the digest roster), or sends the digest
 * at once. Ephemeral answers; the digest itself goes to the user's DM.
 */
export async function digestCommand(deps: Deps, args: DigestArgs, rest: string): Promise<void> {
  const { ack, client, logger, respond, scope } = args;
  const ephemeral = (text: string) => ({ response_type: 'ephemeral' as const, text });
  if (rest !== '' && rest !== 'now') {
    const parsed = parseScheduleArgs(rest);
    if (!parsed.ok) {
      await ack(ephemeral(parsed.error));
      return;
    }
  }
  await ack();
  let text: string;
  try {
    const kv = deps.store.kv;
    // Everything that changes is gathered first and written once: a roster
    // record written with the default schedule (Monday 09:00) and only then
    // the one asked for would let a digest pass in between send this week's
    // digest at once.
    const parsed = rest === '' || rest === 'now' ? undefined : parseScheduleArgs(rest);
    const change: Parameters<typeof enrollDigest>[2] = parsed?.ok ? { ...parsed.change } : {};
    let record = await getRoster(kv, scope);
    if (record?.timeZone === undefined) {
      const info = await client.users.info({ user: scope.userId }).catch(() => undefined);
      if (info?.user?.tz) change.timeZone = info.user.tz;
    }
    if (record === undefined || Object.keys(change).length > 0)
      record = await enrollDigest(kv, scope, change);
    if (rest === 'now') {
      await sendDigest(
        {
          ledger: deps.ledger,
          client: client as unknown as DigestClient,
          clock: deps.clock,
          render: digestMessage,
        },
        scope,
      );
      text = 'Your digest is in your DM with me.';
    } else {
      text = describeSchedule(record);
    }
    logger.info(`/invite-coach digest user=${scope.userId}`);
  } catch (error) {
    logger.error(`/invite-coach digest failed for user ${scope.userId}: ${errorName(error)}`);
    text = 'Sorry, I could not do that just now. Please try again in a minute.';
  }
  try {
    await respond(ephemeral(text));
  } catch (error) {
    logger.error(`/invite-coach could not answer user ${scope.userId}: ${errorName(error)}`);
  }
}
