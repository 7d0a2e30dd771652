import type { types } from '@slack/bolt';

/** A message as Slack takes it: notification text plus Block Kit. */
export interface Message {
  /** Fallback for notifications and screen readers; already escaped. */
  text: string;
  blocks: types.KnownBlock[];
}

export function section(mrkdwn: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: mrkdwn } };
}

export function context(mrkdwn: string): types.ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: mrkdwn }] };
}
