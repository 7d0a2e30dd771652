/** Ids shared by Block Kit builders and the listeners that handle them. */
export const COMMAND_CHECK = '/invite-check';
export const ACTION_ACCOUNT_TYPE = 'account_type_select';
export const COMMAND_DRAFT = '/invite-draft';
export const ACTION_DRAFT_ANOTHER = 'draft_another';
export const ACTION_DRAFT_SHORTER = 'draft_shorter';
export const ACTION_DRAFT_EDIT = 'draft_edit';
export const VIEW_DRAFT_FORM = 'draft_form';
export const VIEW_DRAFT_EDIT = 'draft_edit_view';
export const COMMAND_LOG = '/invite-log';
export const ACTION_LOG_ANYWAY = 'ledger_log_anyway';
export const ACTION_I_SENT_IT = 'ledger_i_sent_it';
export const VIEW_LOG_RECIPIENT = 'ledger_recipient_view';
/** The outcome menu (and buttons) on each pending invitation. */
export const OUTCOME_ACTION_ID = 'ledger_pending_outcome';
export const COMMAND_COACH = '/invite-coach';
export const ACTION_FORGET_CONFIRM = 'forget_confirm';
export const ACTION_FORGET_CANCEL = 'forget_cancel';
export const ACTION_WEEKLY_CAP = 'weekly_cap_select';
export const ACTION_DIGEST_ENABLED = 'digest_enabled_select';
export const ACTION_DIGEST_DAY = 'digest_day_select';
export const ACTION_DIGEST_HOUR = 'digest_hour_select';
