import { createDrafter, llmConfigFromEnv } from '../draft/index.js';
import type { DraftResult } from '../draft/result.js';
import type { Account } from '../types.js';
import { EXIT, UsageError } from './check-command.js';
import type { Colors } from './format.js';

export interface DraftIo {
  write(text: string): void;
  colors: Colors;
  env: NodeJS.ProcessEnv;
}

/** Exit 0 with a draft, 1 when more information is needed, 2 on a usage error. */
export async function draftOne(
  positional: string[],
  options: { account: Account; json: boolean; variant: number },
  io: DraftIo,
): Promise<number> {
  const input = positional.join(' ').trim();
  if (input === '') {
    throw new UsageError(
      'tell me about the person: invite-coach draft "Jane Park, met at SXSW, want to swap notes on audio ads"',
    );
  }
  const drafter = createDrafter({ llm: llmConfigFromEnv(io.env) });
  const result = await drafter.draft(input, { account: options.account, variant: options.variant });
  io.write(
    options.json ? `${JSON.stringify(result)}\n` : formatDraft(result, options.account, io.colors),
  );
  return result.kind === 'draft' ? EXIT.ready : EXIT.notReady;
}

function formatDraft(result: DraftResult, account: Account, c: Colors): string {
  if (result.kind === 'question')
    return `${c.yellow('?')} ${result.message}\n${unused(result.unused, c)}`;
  const label = account === 'premium' ? 'Premium' : 'Basic';
  const lines = [
    '',
    `  ${result.note}`,
    '',
    c.dim(
      `${result.report.length}/${result.report.limit} characters (${label}) · ${result.scenario} · ${result.source === 'llm' ? 'written by the AI drafter' : 'from the templates'}`,
    ),
  ];
  if (result.notice) lines.push(c.yellow(result.notice));
  for (const f of result.report.findings) lines.push(`${c.dim(f.level)} ${f.rule}: ${f.message}`);
  if (result.omitted.length > 0) lines.push(c.yellow(`Left out: ${result.omitted.join('; ')}`));
  return `${lines.join('\n')}\n${unused(result.unused, c)}`;
}

function unused(parts: string[], c: Colors): string {
  return parts.length === 0
    ? ''
    : `${c.dim(`Not used (not understood): ${parts.map((p) => `"${p}"`).join(', ')}`)}\n`;
}
