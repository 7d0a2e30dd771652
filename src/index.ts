export { CheckOptionsError, checkNote } from './check.js';
export {
  createDrafter,
  type Draft,
  type Drafter,
  type DraftQuestion,
  type DraftRequest,
  type DraftResult,
  llmConfigFromEnv,
  loadPrompts,
  PromptError,
} from './draft/index.js';
export { ACCOUNTS, isAccount, NOTE_LIMITS } from './limits.js';
export { rules } from './rules/index.js';
export type { Account, CheckOptions, CheckReport, Finding, Level } from './types.js';
