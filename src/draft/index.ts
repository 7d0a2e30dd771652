import type { Account } from '../types.js';
import { createReader, type Reader } from './facts/reader.js';
import { DEFAULT_MODEL, type LlmConfig, LlmDrafter } from './llm-drafter.js';
import { loadPrompts, type Prompts } from './prompts.js';
import type { DraftResult } from './result.js';
import { draftFromFacts, scenarioFor } from './template-drafter.js';

export interface DraftRequest {
  account: Account;
  variant?: number;
  maxLength?: number;
  /** A display name for a Slack mention in the context, resolved by the caller. */
  mentionName?: string;
}

export interface Drafter {
  readonly usesLlm: boolean;
  /** The fact reader both drafters work from. */
  readonly reader: Reader;
  draft(input: string, request: DraftRequest): Promise<DraftResult>;
  readonly llm?: LlmDrafter;
}

/** The template drafter always; the LLM on top when configured. Prompts are validated here, at start. */
export function createDrafter(options: { prompts?: Prompts; llm?: LlmConfig } = {}): Drafter {
  const prompts = options.prompts ?? loadPrompts();
  const reader = createReader(prompts.languages);
  const llm = options.llm ? new LlmDrafter(options.llm, prompts, reader) : undefined;
  return {
    usesLlm: llm !== undefined,
    reader,
    llm,
    async draft(input, request) {
      // A Slack mention the caller resolved stands for the name.
      const text =
        request.mentionName && /<@[UW][A-Z0-9]+>/.test(input)
          ? input.replace(
              /<@([UW][A-Z0-9]+)>/,
              `<@$1|${request.mentionName.replace(/[<>|]/g, '')}>`,
            )
          : input;
      const facts = reader.read(text);
      const templated = draftFromFacts(facts, prompts, request);
      if (templated.kind === 'question' || !llm) return templated;
      return llm.draft({
        facts,
        account: request.account,
        scenario: scenarioFor(facts),
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

export { loadLanguages } from './facts/language.js';
export { createReader, type Fact, type Facts, type Reader } from './facts/reader.js';
export { type LlmConfig, LlmDrafter } from './llm-drafter.js';
export { loadPrompts, PromptError, type Prompts, type Scenario } from './prompts.js';
export type { Draft, DraftQuestion, DraftResult } from './result.js';
export { draftFromFacts, draftFromText } from './template-drafter.js';
