import { existsSync } from 'node:fs';
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { llmConfigFromEnv } from './draft/index.js';
import type { LlmConfig } from './draft/llm-drafter.js';
import { appStoreUrls, isAppStoreUrl } from './store/backends/index.js';

/** Where the SQLite file lives when `STORE_URL` is not set. */
export const DEFAULT_STORE_URL = 'sqlite://./data/invite-coach.sqlite';
export const DEFAULT_PORT = 3000;

/** Where each variable comes from, said once so every error can point there. */
export const WHERE: Readonly<Record<string, string>> = {
  SLACK_BOT_TOKEN:
    'api.slack.com/apps → your app → OAuth & Permissions → "Bot User OAuth Token" (starts with xoxb-; install the app first)',
  SLACK_APP_TOKEN:
    'api.slack.com/apps → your app → Basic Information → App-Level Tokens → Generate, scope connections:write (starts with xapp-)',
  SLACK_SIGNING_SECRET:
    'api.slack.com/apps → your app → Basic Information → App Credentials → "Signing Secret"',
  SLACK_API_URL:
    'leave unset for slack.com; otherwise the Web API base, e.g. https://slack-gov.com/api/',
  PORT: 'a TCP port number for HTTP mode (default 3000)',
  STORE_URL: `${appStoreUrls()} (default ${DEFAULT_STORE_URL})`,
  LOG_LEVEL: 'one of error, warn, info (default info)',
  DIGEST_THREAD:
    'on (default) runs the weekly digest passes on a thread of their own; off runs them on the main thread',
  OPENAI_API_KEY:
    'optional: turns on the AI drafter for /invite-draft (any OpenAI-compatible server)',
  OPENAI_BASE_URL:
    'optional: the server, e.g. http://localhost:11434/v1 for Ollama (default OpenAI)',
  OPENAI_MODEL: 'optional: the model name (default gpt-4o-mini)',
};

const storeUrl = z.string().trim().refine(isAppStoreUrl, 'unsupported store URL');

const schema = z.object({
  SLACK_BOT_TOKEN: z
    .string({ error: 'is missing' })
    .trim()
    .min(1, 'is missing')
    .regex(/^xoxb-/, 'must start with xoxb-'),
  SLACK_APP_TOKEN: z
    .string()
    .trim()
    .regex(/^xapp-/, 'must start with xapp-')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SLACK_SIGNING_SECRET: z
    .string()
    .trim()
    .regex(/^[0-9a-zA-Z]{16,}$/, 'looks malformed (expected the hex string Slack shows)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SLACK_API_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  PORT: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be 0–65535')
    .max(65535, 'must be 0–65535')
    .default(DEFAULT_PORT),
  STORE_URL: storeUrl.default(DEFAULT_STORE_URL),
  LOG_LEVEL: z.enum(['error', 'warn', 'info']).default('info'),
  DIGEST_THREAD: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  OPENAI_BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
});

export type LogLevelName = 'error' | 'warn' | 'info';

interface Common {
  botToken: string;
  /** The AI drafter, when OPENAI_API_KEY is set. */
  llm: LlmConfig | undefined;
  slackApiUrl: string | undefined;
  storeUrl: string;
  logLevel: LogLevelName;
  /** Whether digest passes run on a thread of their own. */
  digestThread: boolean;
}

/** The app's configuration: Socket Mode by default, HTTP when only a signing secret is given. */
export type Config =
  | (Common & { mode: 'socket'; appToken: string })
  | (Common & { mode: 'http'; signingSecret: string; port: number });

/** A configuration problem, one line per variable, ready to print. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
  }
}

function problem(name: string, what: string): string {
  return `${name} ${what}: ${WHERE[name] ?? ''}`.trimEnd();
}

/**
 * Parses the environment once. Throws a `ConfigError` whose lines each name one
 * variable and where to find its value in Slack's app settings.
 */
export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankToUndefined = (v: string | undefined) => (v?.trim() === '' ? undefined : v);
  const input = {
    SLACK_BOT_TOKEN: blankToUndefined(env.SLACK_BOT_TOKEN),
    SLACK_APP_TOKEN: blankToUndefined(env.SLACK_APP_TOKEN),
    SLACK_SIGNING_SECRET: blankToUndefined(env.SLACK_SIGNING_SECRET),
    SLACK_API_URL: blankToUndefined(env.SLACK_API_URL),
    PORT: blankToUndefined(env.PORT),
    STORE_URL: blankToUndefined(env.STORE_URL),
    LOG_LEVEL: blankToUndefined(env.LOG_LEVEL),
    DIGEST_THREAD: blankToUndefined(env.DIGEST_THREAD),
    OPENAI_BASE_URL: blankToUndefined(env.OPENAI_BASE_URL),
  };
  const parsed = schema.safeParse(input);
  const lines: string[] = [];
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0]);
      if (seen.has(name)) continue;
      seen.add(name);
      lines.push(problem(name, issue.message));
    }
  }
  const appTokenOk = !lines.some((l) => l.startsWith('SLACK_APP_TOKEN'));
  const secretOk = !lines.some((l) => l.startsWith('SLACK_SIGNING_SECRET'));
  if (appTokenOk && secretOk && !input.SLACK_APP_TOKEN && !input.SLACK_SIGNING_SECRET) {
    lines.push(
      problem(
        'SLACK_APP_TOKEN',
        'is missing (needed for Socket Mode; or set SLACK_SIGNING_SECRET instead for HTTP mode)',
      ),
    );
  }
  if (lines.length > 0 || !parsed.success) throw new ConfigError(lines);

  const v = parsed.data;
  const common: Common = {
    botToken: v.SLACK_BOT_TOKEN,
    slackApiUrl:
      v.SLACK_API_URL && (v.SLACK_API_URL.endsWith('/') ? v.SLACK_API_URL : `${v.SLACK_API_URL}/`),
    storeUrl: v.STORE_URL,
    logLevel: v.LOG_LEVEL,
    digestThread: v.DIGEST_THREAD === 'on',
    llm: llmConfigFromEnv(env),
  };
  if (v.SLACK_APP_TOKEN) return { ...common, mode: 'socket', appToken: v.SLACK_APP_TOKEN };
  // Checked above: without an app token there is a signing secret.
  return { ...common, mode: 'http', signingSecret: v.SLACK_SIGNING_SECRET as string, port: v.PORT };
}

/**
 * Loads `.env` from the working directory if there is one, without overriding
 * variables already set. dotenv rather than `process.loadEnvFile`, which only
 * exists from Node 20.12.
 */
export function loadDotenvIfPresent(path = '.env'): void {
  if (existsSync(path)) loadDotenv({ path, quiet: true });
}
