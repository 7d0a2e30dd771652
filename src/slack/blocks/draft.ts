import type { types } from '@slack/bolt';
import { checkNote } from '../../check.js';
import type { DraftResult } from '../../draft/result.js';
import type { Account } from '../../types.js';
import {
  ACTION_DRAFT_ANOTHER,
  ACTION_DRAFT_EDIT,
  ACTION_DRAFT_SHORTER,
  COMMAND_DRAFT,
  VIEW_DRAFT_EDIT,
  VIEW_DRAFT_FORM,
} from '../ids.js';
import { sentState } from '../input.js';
import { type DraftState, encodeEdit, encodeState } from '../payload.js';
import { sentButton } from './ledger.js';
import { context, type Message, section } from './message.js';
import { ACCOUNT_LABEL, reportMessage } from './report.js';
import { truncate, userText } from './text.js';

/**
 * Longest context a draft request takes (UTF-16 units): it travels in the
 * buttons' values, which Slack caps at {@link MAX_BUTTON_VALUE}.
 */
export const MAX_DRAFT_INPUT = 1000;

const SCENARIO_LABEL = {
  close: 'close contact',
  acquaintance: 'acquaintance',
  stranger: 'someone you haven’t met',
};

/** A `/invite-draft` context longer than {@link MAX_DRAFT_INPUT}: nothing of it is echoed. */
export function draftTooLongMessage(length: number): Message {
  return {
    text: 'That is longer than I can draft from.',
    blocks: [
      section(
        `That is ${length.toLocaleString('en-US')} characters; tell me about the person in under ${MAX_DRAFT_INPUT.toLocaleString('en-US')} — who they are, how you know them, what you would like.`,
      ),
    ],
  };
}

export function draftingMessage(): Message {
  return { text: 'Drafting…', blocks: [context(':hourglass_flowing_sand: Drafting…')] };
}

/** A draft in a copyable block with its length and scenario, and what to do next; or the question to answer. */
export function draftMessage(result: DraftResult, state: DraftState): Message {
  if (result.kind === 'question') {
    const blocks: types.KnownBlock[] = [section(`:thinking_face: ${userText(result.message)}`)];
    if (result.unused.length > 0) blocks.push(context(unusedLine(result.unused)));
    blocks.push(
      context(
        `Try again with \`${COMMAND_DRAFT} <who, how you know them, what you'd like>\`, or \`${COMMAND_DRAFT}\` alone for a form.`,
      ),
    );
    return { text: 'I need a little more to write that note.', blocks };
  }
  const { report } = result;
  const source = result.source === 'llm' ? 'written by the AI drafter' : 'from the templates';
  const blocks: types.KnownBlock[] = [
    section('*Your draft* (copy it from the box):'),
    // A code block copies as plain text, exactly as it will be sent.
    section(`\`\`\`${userText(result.note)}\`\`\``),
    context(
      `${report.length}/${report.limit} characters · ${ACCOUNT_LABEL[state.a]} · ${SCENARIO_LABEL[result.scenario]} · ${source}`,
    ),
  ];
  if (result.notice) blocks.push(context(`:information_source: ${userText(result.notice)}`));
  if (result.omitted.length > 0)
    blocks.push(context(`Left out: ${userText(truncate(result.omitted.join('; '), 1500))}`));
  if (result.unused.length > 0) blocks.push(context(unusedLine(result.unused)));
  for (const f of report.findings.filter((x) => x.level !== 'info').slice(0, 5)) {
    blocks.push(context(`:warning: ${userText(f.message)}`));
  }
  const shorter = Math.max(60, Math.floor(report.length * 0.8));
  blocks.push({
    type: 'actions',
    elements: [
      button('Another version', ACTION_DRAFT_ANOTHER, encodeState({ ...state, v: state.v + 1 })),
      button('Shorter', ACTION_DRAFT_SHORTER, encodeState({ ...state, m: shorter })),
      button('Check my edit', ACTION_DRAFT_EDIT, encodeEdit({ n: result.note, a: state.a })),
      sentButton(sentState('draft', result.note, report)),
    ],
  });
  return {
    text: `Draft (${report.length}/${report.limit} characters): ${userText(result.note)}`,
    blocks,
  };
}

function unusedLine(unused: string[]): string {
  return `Not used (I did not understand it): ${userText(truncate(unused.map((u) => `“${u}”`).join(', '), 1500))}`;
}

function button(text: string, actionId: string, value: string): types.Button {
  return { type: 'button', text: { type: 'plain_text', text }, action_id: actionId, value };
}

/** A text box of the draft form (its value under action id `value`). */
function formInput(
  blockId: string,
  label: string,
  placeholder: string,
  optional = true,
  multiline = false,
): types.InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional,
    label: { type: 'plain_text', text: label },
    element: {
      type: 'plain_text_input',
      action_id: 'value',
      multiline,
      max_length: 300,
      placeholder: { type: 'plain_text', text: placeholder },
    },
  };
}

function formOption(text: string, value: string): types.PlainTextOption {
  return { text: { type: 'plain_text' as const, text }, value };
}

const ACCOUNT_OPTIONS = [
  formOption('Basic (200 characters)', 'basic'),
  formOption('Premium (300 characters)', 'premium'),
];

/** The form `/invite-draft` opens when typed alone. */
export function draftFormView(account: Account): types.View {
  return {
    type: 'modal',
    callback_id: VIEW_DRAFT_FORM,
    title: { type: 'plain_text', text: 'Draft an invitation' },
    submit: { type: 'plain_text', text: 'Draft' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      formInput('name', 'Their name', 'Jane Park', false),
      {
        type: 'input',
        block_id: 'relationship',
        optional: true,
        label: { type: 'plain_text', text: 'How well do you know them?' },
        element: {
          type: 'static_select',
          action_id: 'value',
          options: [
            formOption('A close contact', 'close'),
            formOption('An acquaintance', 'acquaintance'),
            formOption('We have not met', 'stranger'),
          ],
        },
      },
      formInput(
        'how',
        'How you know them, or why them',
        'met at SXSW on the podcasting panel',
        false,
        true,
      ),
      formInput('mutual', 'Mutual connection', 'Omar Haddad'),
      formInput('next', 'Next step you would like', 'swap notes on audio ads'),
      {
        type: 'input',
        block_id: 'account',
        label: { type: 'plain_text', text: 'Your LinkedIn account' },
        element: {
          type: 'static_select',
          action_id: 'value',
          options: ACCOUNT_OPTIONS,
          initial_option: ACCOUNT_OPTIONS.find((o) => o.value === account),
        },
      },
    ],
  };
}

/**
 * "Check my edit": the draft in an editable box; on submit the same view shows
 * the verdict, and "I sent it" once the edited note is ready.
 */
export function editView(note: string, account: Account, checked?: { note: string }): types.View {
  const blocks: types.KnownBlock[] = [
    {
      type: 'input',
      block_id: 'note',
      label: { type: 'plain_text', text: 'Your note' },
      element: {
        type: 'plain_text_input',
        action_id: 'value',
        multiline: true,
        max_length: 3000,
        initial_value: note,
      },
    },
  ];
  if (checked) {
    const result = checkNote(checked.note, { account });
    const report = reportMessage(checked.note, result, account);
    // A modal holds 100 blocks; the report is capped well below that.
    blocks.push({ type: 'divider' }, ...report.blocks);
    // Ready: the same way to log the send as under a check or a draft (length and traits, never the note).
    if (result.ready) {
      blocks.push({
        type: 'actions',
        elements: [sentButton(sentState('draft', checked.note, result))],
      });
    }
  }
  return {
    type: 'modal',
    callback_id: VIEW_DRAFT_EDIT,
    private_metadata: account,
    title: { type: 'plain_text', text: 'Check my edit' },
    submit: { type: 'plain_text', text: 'Check' },
    close: { type: 'plain_text', text: 'Done' },
    blocks,
  };
}
