import type { Account } from '../types.js';
import { parseContext } from './context.js';
import { DEFAULT_MODEL, type LlmConfig, LlmDrafter } from './llm-drafter.js';
import { loadPrompts, type Prompts } from './prompts.js';
import type { DraftResult } from './result.js';
import { draftFromTemplate, scenarioFor } from './template-drafter.js';

export interface DraftRequest {
  account: Account;
  variant?: number;
  maxLength?: number;
  /** A display name for a Slack mention in the context, resolved by the caller. */
  mentionName?: string;
}

export interface Drafter {
  readonly usesLlm: boolean;
  draft(input: string, request: DraftRequest): Promise<DraftResult>;
  readonly llm?: LlmDrafter;
}

/** The template drafter always; the LLM on top when configured. Prompts are validated here, at start. */
export function createDrafter(options: { prompts?: Prompts; llm?: LlmConfig } = {}): Drafter {
  const prompts = options.prompts ?? loadPrompts();
  const llm = options.llm ? new LlmDrafter(options.llm, prompts) : undefined;
  return {
    usesLlm: llm !== undefined,
    llm,
    async draft(input, request) {
      const ctx = parseContext(input);
      if (ctx.mentionId && !ctx.name && request.mentionName) ctx.name = request.mentionName;
      const templated = draftFromTemplate(ctx, prompts, request);
      if (templated.kind === 'question' || !llm) return templated;
      return llm.draft({
        input,
        account: request.account,
        scenario: scenarioFor(ctx),
        maxLength: request.maxLength,
        fallback: templated,
      });
    },
  };
}

/** OPENAI_API_KEY turns the LLM on; OPENAI_BASE_URL and OPENAI_MODEL point it at any compatible server. */
export function llmConfigFromEnv(env: NodeJS.ProcessEnv): LlmConfig | undefined {
  const apiKey = env.OPENAI_API_KEY?.trim();
  if (!apiKey) return undefined;
  return {
    apiKey,
    baseURL: env.OPENAI_BASE_URL?.trim() || undefined,
    model: env.OPENAI_MODEL?.trim() || DEFAULT_MODEL,
  };
}

export { type DraftContext, parseContext } from './context.js';
export { type LlmConfig, LlmDrafter } from './llm-drafter.js';
export { loadPrompts, PromptError, type Prompts, type Scenario } from './prompts.js';
export type { Draft, DraftQuestion, DraftResult } from './result.js';
export { draftFromTemplate } from './template-drafter.js';
