import { at, type Rule } from './rule.js';

export const slackMention: Rule = {
  id: 'slack-mention',
  level: 'warning',
  description: 'A Slack mention, channel or @here will not carry over to LinkedIn.',
  check(note) {
    return note.entities
      .filter((e) => e.kind === 'mention' || e.kind === 'broadcast' || e.kind === 'channel')
      .map((e) =>
        at(
          note,
          e.start,
          e.end,
          e.kind === 'mention'
            ? 'A Slack mention: on LinkedIn it would be plain text, not the person’s name.'
            : 'A Slack channel or broadcast mention means nothing on LinkedIn.',
          e.kind === 'mention'
            ? 'Write the person’s name as you would say it ("Omar Haddad suggested…").'
            : 'Remove it, or name the group in words ("the #design channel in the Figma community").',
        ),
      );
  },
};
