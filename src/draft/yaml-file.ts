import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { isMap, LineCounter, parse, parseDocument } from 'yaml';
import type { z } from 'zod';

/** A template file that does not say what the drafter needs; the message names the file and line. */
export class PromptError extends Error {
  override name = 'PromptError';
}

type Issue = { path: (string | number)[]; message: string };

export function loadYaml<T>(
  file: string,
  schema: z.ZodType<T, unknown>,
  extra?: (value: T) => Issue[],
): T {
  const source = readText(file);
  // The quick path: plain parse and validate; line numbers are worked out only for a mistake.
  try {
    const quick = schema.safeParse(parse(source));
    if (quick.success && !extra?.(quick.data).length) return quick.data;
  } catch {
    // Broken YAML: the detailed parse below says where.
  }
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

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new PromptError(
      `${shortPath(file)}: cannot read it (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
}

export function shortPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}
