/** Ids shared by Block Kit builders and the listeners that handle them. */
export const COMMAND_CHECK = '/invite-check';
export const ACTION_ACCOUNT_TYPE = 'account_type_select';
