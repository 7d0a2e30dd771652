import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_PROMPTS_DIR } from '../prompts-dir.js';
import { loadYaml, PromptError } from '../yaml-file.js';

const words = z.array(z.string().min(1)).default([]);
const lines = z.array(z.string().min(1)).min(1);
const PronounSet = z
  .object({
    subject: words,
    object: words,
    possessive: words,
    reflexive: words,
    contracted: words,
  })
  .strict();
const Scenarios = z.object({ close: lines, acquaintance: lines, stranger: lines }).strict();
const ASK_KINDS = [
  'question',
  'thanks',
  'invite',
  'hire',
  'meet',
  'introduce',
  'offer',
  'welcome',
  'other',
] as const;
export type PurposeKind = (typeof ASK_KINDS)[number];

const LanguageFile = z
  .object({
    language: z.string().regex(/^[a-z]{2}$/),
    label: z.string().min(1),
    detect: words,
    read: z
      .object({
        titles: words,
        not_names: words,
        recipient_before: words,
        mutual_before: words,
        mutual_after: words,
        org_before: words,
        org_words: words,
        surname_first: words,
        purpose_lead: words,
        purpose_noun_lead: words,
        purpose_verbs: z.partialRecord(z.enum(ASK_KINDS), words).default({}),
        empty_purposes: words,
        next_words: words,
        countable_next: words,
        next_lead: words,
        met_lead: words,
        sender_verbs: words,
        together_verbs: words,
        now_words: words,
        recipient_verbs: words,
        labels: z.partialRecord(z.enum(ASK_KINDS), words).default({}),
        relational: words,
        relational_past: words,
        fellow: words,
        work_nouns: words,
        relationship: z
          .object({ close: words, acquaintance: words, stranger: words })
          .partial()
          .default({}),
        instructions: z
          .object({
            avoid: words,
            short: words,
            max_length: words,
            formal: words,
            no_emoji: words,
            mention: words,
            meta: words,
            languages: z.record(z.string(), words).default({}),
          })
          .partial()
          .default({}),
        injection: words,
        fillers: words,
        vague_people: words,
        not_for_note: words,
        one_words: words,
        turns_out: words,
        pronouns: z.object({ she: PronounSet, he: PronounSet, they: PronounSet }).partial(),
        object_followers: words,
      })
      .strict(),
    write: z
      .object({
        you: z.string(),
        your: z.string(),
        yours: z.string().optional(),
        yours_plural: z.string().optional(),
        yourself: z.string(),
        possessive_stem: z.boolean().default(false),
        /** The language drops no subject: "möchte…" needs its "ich". */
        needs_subject: z.boolean().default(false),
        /** Article → possessive, for a language that puts "his" after the noun ("o podcast dele"). */
        possessive_before_noun: z.record(z.string(), z.string()).optional(),
        contracted: z.record(z.string(), z.string()).default({}),
        agreement: z
          .object({
            words: z.record(z.string(), z.string()).default({}),
            suffixes: z.array(z.tuple([z.string().min(1), z.string()])).default([]),
            keep: words,
          })
          .strict(),
        i: z.string(),
        we: z.string(),
        it: z.string().optional(),
        one: z.string(),
        you_are: z.string(),
        you_were_my: z.string(),
        you_were_at: z.string().optional(),
        you_are_fellow: z.string(),
        you_are_now: z.string(),
        you_are_at: z.string(),
        hiring: z.string().optional(),
        about_work: lines.optional(),
        know_from: lines,
        mutual: lines.optional(),
        met: lines,
        articles: z.object({ a: z.string(), an: z.string(), the: z.string(), vowels: z.string() }),
        role_without_article: words,
        greeting: z.object({ casual: lines, formal: lines, noname: lines }).strict(),
        invite: Scenarios,
        purpose: lines,
        ask_purpose: lines.optional(),
        purpose_noun: lines,
        thanks_direct: lines,
        thanks_plain: lines.optional(),
        next: lines,
        ask: z.partialRecord(z.enum(ASK_KINDS), lines).refine((a) => a.other !== undefined, {
          message: 'ask.other is required',
        }),
        fallback_next: Scenarios,
        question: z.string().min(1),
        missing_name_and_context: z.string().min(1),
        missing_context: z.string().min(1),
      })
      .strict(),
  })
  .strict();
export type LanguagePack = z.infer<typeof LanguageFile>;

export interface Languages {
  /** By language code; `en` is always there. */
  packs: Map<string, LanguagePack>;
  english: LanguagePack;
}

/** Reads every `prompts/languages/*.yml`: the words the reader recognises and the lines it writes, per language. */
export function loadLanguages(dir: string = join(DEFAULT_PROMPTS_DIR, 'languages')): Languages {
  const packs = new Map<string, LanguagePack>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.yml'))
    .sort()) {
    const pack = loadYaml(join(dir, file), LanguageFile);
    packs.set(pack.language, pack);
  }
  const english = packs.get('en');
  if (!english) throw new PromptError(`${dir}: en.yml is required`);
  return { packs, english };
}
