import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';

export const SCENARIOS = ['close', 'acquaintance', 'stranger'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export const FACT_SLOTS = ['met', 'shared', 'mutual', 'work'] as const;
export type FactSlot = (typeof FACT_SLOTS)[number];

const KNOWN_SLOTS = new Set(['first', ...FACT_SLOTS, 'purpose', 'next']);

const lines = z.array(z.string().min(1)).min(1);
const ScenarioFile = z
  .object({
    scenario: z.enum(SCENARIOS),
    label: z.string().min(1),
    greeting: lines,
    context: z.object({ met: lines, shared: lines, mutual: lines, work: lines }).strict(),
    invite: lines,
    purpose: lines,
    ask: lines,
    next: lines,
    fallback_next: lines,
  })
  .strict();
export type ScenarioTemplate = z.infer<typeof ScenarioFile>;

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
  scenarios: Record<Scenario, ScenarioTemplate>;
  system: string;
  examples: Example[];
}

/** A template file that does not say what the drafter needs; the message names the file and line. */
export class PromptError extends Error {
  override name = 'PromptError';
}

export const DEFAULT_PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

export function loadPrompts(dir: string = DEFAULT_PROMPTS_DIR): Prompts {
  const scenarios = {} as Record<Scenario, ScenarioTemplate>;
  for (const name of SCENARIOS) {
    const template = loadYaml(join(dir, `${name}.yml`), ScenarioFile, checkSlots);
    if (template.scenario !== name) {
      throw new PromptError(`${shortPath(join(dir, `${name}.yml`))}:1: scenario must be "${name}"`);
    }
    scenarios[name] = template;
  }
  const system = readText(join(dir, 'system.md'));
  if (!system.includes('{limit}'))
    throw new PromptError(`${shortPath(join(dir, 'system.md'))}:1: must mention {limit}`);
  const { examples } = loadYaml(join(dir, 'examples.yml'), ExamplesFile);
  return { scenarios, system, examples };
}

type Issue = { path: (string | number)[]; message: string };

function checkSlots(value: ScenarioTemplate): Issue[] {
  const issues: Issue[] = [];
  const visit = (path: (string | number)[], text: string) => {
    for (const [, slot] of text.matchAll(/\{([^}]*)\}/g)) {
      if (!KNOWN_SLOTS.has(slot as string))
        issues.push({ path, message: `unknown slot {${slot}}` });
    }
  };
  for (const [i, t] of value.greeting.entries()) visit(['greeting', i], t);
  for (const slot of FACT_SLOTS) {
    value.context[slot].forEach((t, i) => {
      visit(['context', slot, i], t);
      if (!t.includes(`{${slot}}`))
        issues.push({ path: ['context', slot, i], message: `must use {${slot}}` });
    });
  }
  for (const part of ['invite', 'purpose', 'ask', 'next', 'fallback_next'] as const) {
    for (const [i, t] of value[part].entries()) visit([part, i], t);
  }
  value.purpose.forEach((t, i) => {
    if (!t.includes('{purpose}'))
      issues.push({ path: ['purpose', i], message: 'must use {purpose}' });
  });
  value.next.forEach((t, i) => {
    if (!t.includes('{next}')) issues.push({ path: ['next', i], message: 'must use {next}' });
  });
  return issues;
}

function loadYaml<T>(file: string, schema: z.ZodType<T>, extra?: (value: T) => Issue[]): T {
  const source = readText(file);
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false });
  const where = (offset: number) => `${shortPath(file)}:${counter.linePos(offset).line}`;
  const [syntax] = doc.errors;
  if (syntax) throw new PromptError(`${where(syntax.pos[0])}: ${syntax.message.split('\n')[0]}`);

  const lineOf = (path: (string | number)[]) => {
    // Point at the deepest node that exists on the path.
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as
        | { range?: [number, number, number] }
        | undefined;
      if (node?.range) return where(node.range[0]);
      if (n === 0 && isMap(doc.contents) && doc.contents.range) return where(doc.contents.range[0]);
    }
    return `${shortPath(file)}:1`;
  };

  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0] as z.core.$ZodIssue;
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    throw new PromptError(`${lineOf(path)}: ${path.join('.') || '(top)'}: ${issue.message}`);
  }
  const [problem] = extra?.(parsed.data) ?? [];
  if (problem)
    throw new PromptError(`${lineOf(problem.path)}: ${problem.path.join('.')}: ${problem.message}`);
  return parsed.data;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new PromptError(
      `${shortPath(file)}: cannot read it (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
}

function shortPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}
