import { describe, expect, it } from 'vitest';
import { parseContext } from '../../src/draft/context.js';
import { inventedNames } from '../../src/draft/llm-drafter.js';
import { loadPrompts } from '../../src/draft/prompts.js';
import type { Draft } from '../../src/draft/result.js';
import { draftFromTemplate } from '../../src/draft/template-drafter.js';
import { CONTEXTS } from './contexts.js';

const prompts = loadPrompts();

function factsOf(input: string): string[] {
  const ctx = parseContext(input);
  return [...Object.values(ctx.facts), ctx.purpose, ctx.next].filter((v): v is string =>
    Boolean(v),
  );
}

describe('template drafter over varied contexts', () => {
  it('has at least 50 contexts', () => {
    expect(CONTEXTS.length).toBeGreaterThanOrEqual(50);
  });

  for (const input of CONTEXTS) {
    for (const account of ['basic', 'premium'] as const) {
      for (const variant of [0, 1]) {
        it(`${account} v${variant}: ${input}`, () => {
          const ctx = parseContext(input);
          expect(ctx.unused, 'every part of the context is understood').toEqual([]);
          const result = draftFromTemplate(ctx, prompts, { account, variant });
          expect(result.kind).toBe('draft');
          const draft = result as Draft;
          expect(draft.report.ready).toBe(true);
          expect(draft.report.length).toBeLessThanOrEqual(account === 'basic' ? 200 : 300);
          expect(draft.note).not.toMatch(/[{}[\]<>]/);
          expect(draft.omitted).toEqual([]);
          // Every fact given is in the note…
          for (const fact of factsOf(input))
            expect(draft.note.toLowerCase()).toContain(fact.toLowerCase());
          // …the person's first name greets them, and no name or place is made up.
          expect(draft.note).toContain(ctx.name?.replace(/^Dr\.? /, '').split(' ')[0]);
          expect(inventedNames(draft.note, input)).toEqual([]);
          expect(draft.report.findings.filter((f) => f.rule === 'missing-context')).toEqual([]);
        });
      }
    }
  }
});

describe('template drafter', () => {
  it('gives another version when asked', () => {
    const ctx = parseContext(CONTEXTS[0] as string);
    const a = draftFromTemplate(ctx, prompts, { account: 'basic', variant: 0 }) as Draft;
    const b = draftFromTemplate(ctx, prompts, { account: 'basic', variant: 1 }) as Draft;
    expect(a.note).not.toBe(b.note);
  });

  it('writes shorter when asked, without losing facts that fit', () => {
    const ctx = parseContext('Jane Park, met at SXSW, want to swap notes on audio ads');
    const full = draftFromTemplate(ctx, prompts, { account: 'basic' }) as Draft;
    const short = draftFromTemplate(ctx, prompts, {
      account: 'basic',
      maxLength: full.report.length - 20,
    }) as Draft;
    expect(short.report.length).toBeLessThanOrEqual(full.report.length - 20);
    expect(short.note).toContain('at SXSW');
  });

  it('asks for the name and the context instead of inventing them', () => {
    const result = draftFromTemplate(parseContext('someone from a conference'), prompts, {
      account: 'basic',
    });
    expect(result).toMatchObject({ kind: 'question', missing: ['name', 'context'] });
    const noContext = draftFromTemplate(parseContext('Jane Park'), prompts, { account: 'basic' });
    expect(noContext).toMatchObject({ kind: 'question', missing: ['context'] });
  });

  it('leaves out a purpose that reads as a pitch, and says so', () => {
    const ctx = parseContext(
      'Kim Lee, via Omar Haddad, want to show her our product demo and pricing',
    );
    const draft = draftFromTemplate(ctx, prompts, { account: 'basic' }) as Draft;
    expect(draft.report.ready).toBe(true);
    expect(draft.note).not.toMatch(/demo|pricing/);
    expect(draft.omitted).toEqual([
      '"show you our product demo and pricing" (it reads as a sales pitch)',
    ]);
  });

  it('keeps within the Basic limit by leaving out what does not fit, and says so', () => {
    const ctx = parseContext(
      'Bob Smith, met at the International Conference on Distributed Systems and Cloud Native Architecture in Barcelona last spring, loved his talk on consensus protocols in geo-distributed databases, want to ask him about running Raft at scale in production',
    );
    const draft = draftFromTemplate(ctx, prompts, { account: 'basic' }) as Draft;
    expect(draft.report.length).toBeLessThanOrEqual(200);
    expect(draft.report.ready).toBe(true);
    expect(draft.omitted.length).toBeGreaterThan(0);
    expect(draft.omitted.every((o) => o.endsWith('(no room within 200 characters)'))).toBe(true);
  });

  it('leaves an unfilled-looking token out rather than sending it', () => {
    const draft = draftFromTemplate(parseContext('Jane Park, met at {event}'), prompts, {
      account: 'basic',
    });
    expect(draft.kind === 'draft' ? draft.note : draft.message).not.toContain('{event}');
  });
});
