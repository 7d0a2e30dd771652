import { parseContext } from '../src/draft/context.js';
import { draftFromTemplate } from '../src/draft/template-drafter.js';
import { createDrafter, type Draft, loadPrompts } from '../src/index.js';
import { CONTEXTS } from '../test/draft/contexts.js';
import { type Reply, startFakeOpenAi } from '../test/draft/fake-openai.js';

const DRAFTS = 100;
/** Every fifth first answer breaks a rule: too long, a pitch, a link, or not JSON. */
const BREAK_EVERY = 5;

export async function runDrafterBench(): Promise<void> {
  const prompts = loadPrompts();
  let drafts = 0;
  // The stand-in model answers with a good note for the context it was given,
  // except for a share of first answers, which break a rule.
  const server = await startFakeOpenAi((request, index): Reply => {
    // User messages: three examples, then the request (a repair round adds more after it).
    const users = request.messages.filter((m) => m.role === 'user');
    const context = /<context>(.*)<\/context>/.exec(users[3]?.content ?? '')?.[1];
    // The system prompt, three examples and the request: a first call; more messages: a repair.
    const isFirst = request.messages.length === 8;
    const input = context ? (JSON.parse(context) as string) : '';
    const good = draftFromTemplate(parseContext(input), prompts, {
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
      const result = await drafter.draft(CONTEXTS[i % CONTEXTS.length] as string, {
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
