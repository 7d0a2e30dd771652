import { join } from 'node:path';
import { z } from 'zod';
import { type Languages, loadLanguages } from './facts/language.js';
import { DEFAULT_PROMPTS_DIR } from './prompts-dir.js';
import { loadYaml, PromptError, readText, shortPath } from './yaml-file.js';

export { DEFAULT_PROMPTS_DIR, PromptError };

export const SCENARIOS = ['close', 'acquaintance', 'stranger'] as const;
export type Scenario = (typeof SCENARIOS)[number];

const ExamplesFile = z
  .object({
    examples: z.array(
      z
        .object({
          context: z.string().min(1),
          account: z.enum(['basic', 'premium']),
          note: z.string().min(1),
        })
        .strict(),
    ),
  })
  .strict();
export type Example = z.infer<typeof ExamplesFile>['examples'][number];

export interface Prompts {
  /** Per language: the words the fact reader knows and the lines the template drafter writes. */
  languages: Languages;
  system: string;
  examples: Example[];
}

// Read once per directory and process: every drafter shares the shipped files, validated at start.
const loaded = new Map<string, Prompts>();

export function loadPrompts(dir: string = DEFAULT_PROMPTS_DIR): Prompts {
  const known = loaded.get(dir);
  if (known) return known;
  const prompts = readPrompts(dir);
  // Only the shipped prompts are kept: an edited copy (tests, a user's own) is read again each time.
  if (dir === DEFAULT_PROMPTS_DIR) loaded.set(dir, prompts);
  return prompts;
}

function readPrompts(dir: string): Prompts {
  const languages = loadLanguages(join(dir, 'languages'));
  const system = readText(join(dir, 'system.md'));
  if (!system.includes('{limit}'))
    throw new PromptError(`${shortPath(join(dir, 'system.md'))}:1: must mention {limit}`);
  const { examples } = loadYaml(join(dir, 'examples.yml'), ExamplesFile);
  return { languages, system, examples };
}
