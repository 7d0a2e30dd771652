import { createReader } from '../src/draft/facts/reader.js';
import { draftFromFacts } from '../src/draft/template-drafter.js';
import { createDrafter, type Draft, loadPrompts } from '../src/index.js';
import { CONTEXTS } from '../test/draft/contexts.js';
import { type Reply, startFakeOpenAi } from '../test/draft/fake-openai.js';

const DRAFTS = 100;
/** Every fifth first answer breaks a rule: too long, a pitch, a link, or not JSON. */
const BREAK_EVERY = 5;

const TEMPLATE_DRAFTS = 5000;

/**
 * The template drafter alone, reading included: what a user without an LLM key waits for.
 * Wall time and this process's CPU time per draft: on a shared machine the wall-clock p99 is
 * mostly the scheduler; the CPU time is the drafter's own cost.
 */
function templateLatency(prompts: ReturnType<typeof loadPrompts>): void {
  const reader = createReader(prompts.languages);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < TEMPLATE_DRAFTS; i++) {
    const input = CONTEXTS[i % CONTEXTS.length] as string;
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    draftFromFacts(reader.read(input), prompts, {
      account: i % 2 ? 'premium' : 'basic',
      variant: i % 3,
    });
    const used = process.cpuUsage(cpuStart);
    wall.push(Number(process.hrtime.bigint() - start) / 1e6);
    cpu.push((used.user + used.system) / 1000);
  }
  const at = (xs: number[], q: number) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number).toFixed(
      3,
    );
  };
  console.log(
    '\nTemplate drafter (%d drafts over %d contexts, read + draft + check)',
    TEMPLATE_DRAFTS,
    CONTEXTS.length,
  );
  console.log('  wall time  p50 %s ms · p99 %s ms (target ≤ 5 ms)', at(wall, 0.5), at(wall, 0.99));
  console.log('  CPU time   p50 %s ms · p99 %s ms', at(cpu, 0.5), at(cpu, 0.99));
}

export async function runDrafterBench(): Promise<void> {
  const prompts = loadPrompts();
  templateLatency(prompts);
  const reader = createReader(prompts.languages);
  let drafts = 0;
  let current = '';
  // The stand-in model answers with a good note for the context it was given,
  // except for a share of first answers, which break a rule.
  const server = await startFakeOpenAi((request, index): Reply => {
    // The system prompt, three examples and the request: a first call; more messages: a repair.
    const isFirst = request.messages.length === 8;
    const good = draftFromFacts(reader.read(current), prompts, {
      account: 'basic',
      variant: index,
    }) as Draft;
    if (isFirst && drafts % BREAK_EVERY === 0) {
      const broken = [
        `${good.note} ${good.note}`,
        `${good.note} Our platform helps teams grow 3x faster; book a demo.`,
        `${good.note} More at https://example.com/x`,
      ];
      return { note: broken[(drafts / BREAK_EVERY) % broken.length] as string };
    }
    return { note: good.note };
  });
  try {
    const drafter = createDrafter({
      prompts,
      llm: { apiKey: 'bench', baseURL: server.baseURL, model: 'scripted' },
    });
    let delivered = 0;
    let fromLlm = 0;
    for (let i = 0; i < DRAFTS; i++) {
      drafts = i;
      current = CONTEXTS[i % CONTEXTS.length] as string;
      const result = await drafter.draft(current, {
        account: 'basic',
      });
      if (result.kind === 'draft') {
        delivered++;
        if (result.source === 'llm') fromLlm++;
      }
    }
    const usage = drafter.llm?.usage ?? { calls: 0, promptTokens: 0, completionTokens: 0 };
    console.log(
      '\nLLM drafter (%d scripted drafts, 1 in %d first answers breaks a rule)',
      DRAFTS,
      BREAK_EVERY,
    );
    console.log('  delivered drafts         %d (%d from the LLM)', delivered, fromLlm);
    console.log(
      '  LLM calls per draft      %s (target ≤ 1.3)',
      (usage.calls / delivered).toFixed(2),
    );
    console.log(
      '  prompt tokens per draft  %s (estimated at 4 characters a token)',
      Math.round(usage.promptTokens / delivered),
    );
    console.log('  completion tokens/draft  %s', Math.round(usage.completionTokens / delivered));
  } finally {
    await server.close();
  }
}
