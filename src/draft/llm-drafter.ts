import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import { checkNote } from '../check.js';
import { NOTE_LIMITS } from '../limits.js';
import type { Account } from '../types.js';
import type { Facts } from './facts/fact.js';
import type { Reader } from './facts/reader.js';
import { llmDraftProblems } from './llm-checks.js';
import type { Prompts, Scenario } from './prompts.js';
import type { Draft } from './result.js';

export interface LlmConfig {
  apiKey: string;
  /** Any OpenAI-compatible server: Ollama, vLLM, LM Studio, Azure. */
  baseURL?: string;
  model: string;
  /** Everything, repair round included, ends within this many milliseconds. */
  deadlineMs?: number;
  /** One request's time limit. */
  requestTimeoutMs?: number;
  /** Retries of one request (429, 5xx, connection errors). */
  maxRetries?: number;
}

export const DEFAULT_MODEL = 'gpt-4o-mini';
const DEADLINE_MS = 9000;
const REQUEST_TIMEOUT_MS = 4000;

/** The structured answer: the note and its three parts. */
export const LlmNote = z.object({
  note: z.string(),
  context: z.string(),
  invite: z.string(),
  next_step: z.string(),
});

export interface LlmUsage {
  calls: number;
  promptTokens: number;
  completionTokens: number;
}

export interface LlmDraftRequest {
  /** What the fact reader found: the model gets these, never the raw text (so no injected instruction reaches it). */
  facts: Facts;
  account: Account;
  scenario: Scenario;
  maxLength?: number;
  /** The template draft: what the user gets when the model fails. */
  fallback: Draft;
}

type Messages = OpenAI.Chat.Completions.ChatCompletionMessageParam[];

export class LlmDrafter {
  readonly #client: OpenAI;
  readonly #config: LlmConfig;
  readonly #prompts: Prompts;
  readonly #reader: Reader;
  readonly usage: LlmUsage = { calls: 0, promptTokens: 0, completionTokens: 0 };

  constructor(config: LlmConfig, prompts: Prompts, reader: Reader) {
    this.#config = config;
    this.#prompts = prompts;
    this.#reader = reader;
    this.#client = new OpenAI({
      apiKey: config.apiKey,
      baseURL: config.baseURL,
      timeout: config.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
      maxRetries: config.maxRetries ?? 1,
    });
  }

  /**
   * Asks the model for a note, checks it with the same rules, gives it one
   * repair round with the findings, and falls back to the template draft when
   * it still fails or the model is unreachable. Always resolves, within the deadline.
   */
  async draft(request: LlmDraftRequest): Promise<Draft> {
    const limit = Math.min(
      NOTE_LIMITS[request.account],
      request.maxLength ?? Number.POSITIVE_INFINITY,
    );
    const signal = AbortSignal.timeout(this.#config.deadlineMs ?? DEADLINE_MS);
    const messages = this.#messages(request, limit);
    let problems: string[] = [];
    try {
      for (let round = 0; round < 2; round++) {
        const answer = await this.#ask(messages, signal);
        if (answer === undefined) {
          problems = ['the answer was not the JSON asked for'];
        } else {
          problems = llmDraftProblems(answer.note, {
            account: request.account,
            facts: request.facts,
            templateNote: request.fallback.note,
            limit,
          });
          if (problems.length === 0) {
            const report = checkNote(answer.note, { account: request.account });
            return {
              ...request.fallback,
              note: answer.note,
              report,
              source: 'llm',
              omitted: request.facts.leftOut.map((l) => `"${l.text}" (${l.reason})`),
              notice: undefined,
            };
          }
          messages.push({ role: 'assistant', content: JSON.stringify(answer) });
        }
        messages.push({
          role: 'user',
          content: `That draft cannot be sent: ${problems.join('; ')}. Write it again, fixing exactly these problems, using only the facts in <facts>.`,
        });
      }
      return {
        ...request.fallback,
        notice: `The AI draft did not pass the checks (${problems.join('; ')}), so this is the template draft.`,
      };
    } catch (err) {
      return {
        ...request.fallback,
        notice: `The AI drafter was unavailable (${describeError(err, signal)}), so this is the template draft.`,
      };
    }
  }

  #messages(request: LlmDraftRequest, limit: number): Messages {
    const system = this.#prompts.system.replaceAll('{limit}', String(limit));
    const messages: Messages = [{ role: 'system', content: system }];
    for (const ex of this.#prompts.examples) {
      messages.push({
        role: 'user',
        content: userMessage(this.#reader.read(ex.context), NOTE_LIMITS[ex.account], undefined),
      });
      messages.push({
        role: 'assistant',
        content: JSON.stringify({ note: ex.note, context: '', invite: '', next_step: '' }),
      });
    }
    messages.push({
      role: 'user',
      content: userMessage(request.facts, limit, request.scenario),
    });
    return messages;
  }

  async #ask(
    messages: Messages,
    signal: AbortSignal,
  ): Promise<z.infer<typeof LlmNote> | undefined> {
    this.usage.calls++;
    let completion: Awaited<ReturnType<OpenAI['chat']['completions']['parse']>>;
    try {
      completion = await this.#client.chat.completions.parse(
        {
          model: this.#config.model,
          messages,
          response_format: zodResponseFormat(LlmNote, 'invitation_note'),
          temperature: 0.7,
        },
        { signal },
      );
    } catch (err) {
      // The answer came but was not valid JSON for the schema: worth a repair round.
      if (err instanceof SyntaxError || (err instanceof Error && err.name === 'ZodError'))
        return undefined;
      throw err;
    }
    this.usage.promptTokens += completion.usage?.prompt_tokens ?? 0;
    this.usage.completionTokens += completion.usage?.completion_tokens ?? 0;
    const result = LlmNote.safeParse(completion.choices[0]?.message.parsed);
    return result.success ? result.data : undefined;
  }
}

/** The facts as data: second person already, each one to keep; what to leave out; the language. */
export function factsForModel(facts: Facts): Record<string, unknown> {
  const pick = (kinds: string[]) =>
    facts.facts.filter((f) => kinds.includes(f.kind)).map((f) => f.text);
  return {
    greet: facts.name?.greet ?? null,
    language: facts.language,
    context: pick(['met', 'from', 'mutual', 'context', 'role', 'work', 'sender']),
    wants: pick(['purpose']),
    next_step: pick(['next']),
    leave_out: facts.avoid,
    formal: facts.formal,
  };
}

function userMessage(facts: Facts, limit: number, scenario: Scenario | undefined): string {
  // JSON-encoded inside the delimiters: no fact can close the tag or pose as instructions.
  const data = JSON.stringify(factsForModel(facts))
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e');
  const lines = [`<facts>${data}</facts>`, `Limit: ${limit} characters.`];
  if (scenario) lines.push(`Relationship: ${scenario}.`);
  return lines.join('\n');
}

function describeError(err: unknown, signal: AbortSignal): string {
  if (signal.aborted) return 'no answer in time';
  if (err instanceof OpenAI.APIError && err.status) return `HTTP ${err.status}`;
  if (err instanceof OpenAI.APIConnectionTimeoutError) return 'no answer in time';
  if (err instanceof OpenAI.APIConnectionError) return 'cannot connect';
  return err instanceof Error ? err.name : 'unknown error';
}
