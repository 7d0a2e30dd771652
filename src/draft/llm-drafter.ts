import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import { checkNote } from '../check.js';
import { NOTE_LIMITS } from '../limits.js';
import type { Account, Finding } from '../types.js';
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

/** Rules whose findings disqualify a draft outright: the model added something the user never gave. */
const FORBIDDEN = new Set(['slack-mention', 'link', 'email-address', 'placeholder']);

export interface LlmUsage {
  calls: number;
  promptTokens: number;
  completionTokens: number;
}

export interface LlmDraftRequest {
  /** The user's context, exactly as typed: passed as data, never as instructions. */
  input: string;
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
  readonly usage: LlmUsage = { calls: 0, promptTokens: 0, completionTokens: 0 };

  constructor(config: LlmConfig, prompts: Prompts) {
    this.#config = config;
    this.#prompts = prompts;
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
          problems = this.#problems(answer.note, request, limit);
          if (problems.length === 0) {
            const report = checkNote(answer.note, { account: request.account });
            return {
              ...request.fallback,
              note: answer.note,
              report,
              source: 'llm',
              omitted: [],
              notice: undefined,
            };
          }
          messages.push({ role: 'assistant', content: JSON.stringify(answer) });
        }
        messages.push({
          role: 'user',
          content: `That draft cannot be sent: ${problems.join('; ')}. Write it again, fixing exactly these problems, using only the facts in <context>.`,
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
        content: userMessage(ex.context, NOTE_LIMITS[ex.account], undefined),
      });
      messages.push({
        role: 'assistant',
        content: JSON.stringify({ note: ex.note, context: '', invite: '', next_step: '' }),
      });
    }
    messages.push({ role: 'user', content: userMessage(request.input, limit, request.scenario) });
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

  #problems(note: string, request: LlmDraftRequest, limit: number): string[] {
    const report = checkNote(note, { account: request.account });
    const problems = report.findings
      .filter((f) => f.level === 'error' || FORBIDDEN.has(f.rule))
      .map((f) => describeFinding(f, note));
    if (report.length > limit)
      problems.push(`it is ${report.length} characters; the limit is ${limit}`);
    const invented = inventedNames(note, request.input);
    if (invented.length > 0)
      problems.push(`it names ${invented.join(', ')}, which the context does not mention`);
    return [...new Set(problems)];
  }
}

function userMessage(input: string, limit: number, scenario: Scenario | undefined): string {
  // JSON-encoded inside the delimiters: the user's text cannot close the tag or pose as instructions.
  const data = JSON.stringify(input).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
  const lines = [`<context>${data}</context>`, `Limit: ${limit} characters.`];
  if (scenario) lines.push(`Relationship: ${scenario}.`);
  return lines.join('\n');
}

function describeFinding(f: Finding, note: string): string {
  const words = note.slice(f.start, f.end);
  return `${f.rule}${words && words !== note ? ` at "${words}"` : ''}: ${f.message}`;
}

const ALLOWED_CAPITALS = new Set([
  'I',
  "I'd",
  "I'm",
  "I've",
  "I'll",
  'LinkedIn',
  'Hi',
  'Hello',
  'Hey',
  'Dear',
]);

/** Capitalised words in the note, not starting a sentence, that the user never wrote: invented names and places. */
export function inventedNames(note: string, input: string): string[] {
  const given = input.toLowerCase();
  const out: string[] = [];
  for (const m of note.matchAll(/(?<![.!?]\s|^)\b\p{Lu}[\p{L}'’-]*/gu)) {
    const word = m[0].replace(/['’]s$/, '');
    if (ALLOWED_CAPITALS.has(word) || given.includes(word.toLowerCase())) continue;
    out.push(word);
  }
  return [...new Set(out)];
}

function describeError(err: unknown, signal: AbortSignal): string {
  if (signal.aborted) return 'no answer in time';
  if (err instanceof OpenAI.APIError && err.status) return `HTTP ${err.status}`;
  if (err instanceof OpenAI.APIConnectionTimeoutError) return 'no answer in time';
  if (err instanceof OpenAI.APIConnectionError) return 'cannot connect';
  return err instanceof Error ? err.name : 'unknown error';
}
