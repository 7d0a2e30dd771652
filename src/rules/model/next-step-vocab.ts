/**
 * The vocabularies of missing-next-step (vocab/missing-next-step.json),
 * compiled once per language, and the links that are themselves a next step.
 */
import type { Language } from '../../text/analysis.js';
import type { Note } from '../../text/note.js';
import vocabulary from '../vocab/missing-next-step.json' with { type: 'json' };
import type { ActWords } from './next-step-acts.js';
import type { ShapeWords } from './next-step-shapes.js';
import { compilePhrases } from './phrases.js';

const LIST_NAMES = [
  'leads',
  'notLeads',
  'notSteps',
  'wishes',
  'fillers',
  'stepAfterNotStep',
  'asks',
  'questionOpeners',
  'imperatives',
  'activities',
  'pastMarkers',
  'chainAfterNotStep',
  'subjectlessModals',
  'desires',
  'firstPerson',
  'offerModals',
  'statives',
  'negations',
  'subjects',
  'definites',
  'promisedActs',
  'whWords',
  'wonderings',
  'feelings',
  'perceptions',
  'hyperboles',
  'askedNouns',
  'futureMarkers',
  'givingVerbs',
  'tempters',
  'ellipticAsks',
  'conditionals',
  'recipientWords',
  'usefulness',
  'exchangeVerbs',
  'softeners',
] as const;
type ListName = (typeof LIST_NAMES)[number];

export interface Lists {
  leads: RegExp;
  notLeads: RegExp;
  notSteps: RegExp;
  wishes: RegExp;
  fillers: RegExp;
  adverbs: RegExp;
  stepAfterNotStep: RegExp;
  asks: RegExp;
  askedNouns: RegExp;
  questionOpeners: RegExp;
  chainAfterNotStep: RegExp;
  statives: RegExp;
  negated: RegExp;
  hyperboles: RegExp;
  acts: ActWords;
  shapes: ShapeWords;
  /** Verbs that make a canned line a proposal still ("exchange perspectives", "swap notes"). */
  exchangeVerbs: ReadonlySet<string>;
}

const RAW = vocabulary as unknown as Record<string, Partial<Record<ListName, string[]>>>;

// A link to a booking page is an invitation to pick a time, in any language.
const BOOKING = new RegExp(
  `(?:^|[/.])(?:${(vocabulary.bookingHosts as string[]).map((h) => h.replace(/[.]/g, '\\.')).join('|')})(?:[/?#]|$)`,
  'u',
);
const LISTS = new Map<Language, Lists | undefined>();

export function listsFor(language: Language): Lists | undefined {
  if (!LISTS.has(language)) {
    const d = RAW[language];
    LISTS.set(
      language,
      d && {
        leads: compilePhrases(d.leads),
        // "Glad to see you at Stripe", "great to hear": a feeling about news, not a plan.
        notLeads: compilePhrases([
          ...(d.notLeads ?? []),
          ...(d.feelings ?? []).flatMap((f) => (d.perceptions ?? []).map((p) => `${f} to ${p}`)),
        ]),
        notSteps: anchored(d.notSteps),
        wishes: anchored(d.wishes),
        // What may stand between a lead and the act it leads to: adverbs, and the
        // wanting itself ("I'd love the chance to show you" leads to "show you").
        fillers: anchored([...(d.fillers ?? []), ...(d.desires ?? [])]),
        adverbs: anchored(d.fillers),
        stepAfterNotStep: anchored(d.stepAfterNotStep),
        asks: compilePhrases(d.asks),
        askedNouns: compilePhrases(d.askedNouns?.map((n) => `your ${n}`)),
        questionOpeners: anchored(d.questionOpeners),
        chainAfterNotStep: anchored(d.chainAfterNotStep),
        statives: anchored(d.statives),
        negated: anchored(d.negations),
        hyperboles: compilePhrases(d.hyperboles),
        shapes: {
          imperatives: new Set(d.imperatives),
          subjectlessModals: new Set(d.subjectlessModals),
          activities: new Set(d.activities),
          pastMarkers: compilePhrases(d.pastMarkers),
          definites: new Set(d.definites),
          promisedActs: new Set(d.promisedActs),
          givingVerbs: new Set(d.givingVerbs),
          tempters: new Set(d.tempters),
          ellipticAsks: new Set(d.ellipticAsks),
          futureMarkers: compilePhrases(d.futureMarkers),
          whWords: new Set(d.whWords),
          wonderings: new Set(d.wonderings),
          conditionals: compilePhrases(d.conditionals),
          recipientWords: new Set(d.recipientWords),
          usefulness: compilePhrases(d.usefulness),
        },
        exchangeVerbs: new Set(d.exchangeVerbs),
        acts: {
          firstPerson: new Set(d.firstPerson),
          offerModals: new Set(d.offerModals),
          negations: new Set(d.negations),
          subjects: new Set(d.subjects),
          softeners: new Set(d.softeners),
        },
      },
    );
  }
  return LISTS.get(language);
}

/** The phrases of a list, matched only at the start of a string. */
function anchored(phrases: readonly string[] | undefined): RegExp {
  const any = compilePhrases(phrases);
  return new RegExp(`^(?:${any.source})`, 'u');
}

/** Whether the note links a booking page ("<https://cal.com/ana|grab a time>" or a bare URL). */
export function linksBooking(note: Note): boolean {
  const urls = note.entities.filter((e) => e.kind === 'link').map((e) => e.target.toLowerCase());
  const bare = note.lower.match(/\b(?:https?:\/\/)?[a-z0-9.-]+\.[a-z]{2,}(?:\/\S*)?/g) ?? [];
  return [...urls, ...bare].some((u) => BOOKING.test(u.replace(/^[a-z]+:\/\//, '')));
}

/** "Free month for anyone here: <link>", "the repo I mentioned: github.com/…": a link set out to be opened. */
export function offersLink(note: Note): boolean {
  const links = note.entities.filter((e) => e.kind === 'link').map((e) => e.start);
  for (const m of note.text.matchAll(/(?:https?:\/\/|www\.)\S+/g)) links.push(m.index);
  return links.some((at) => /[:→]\s*$|->\s*$/u.test(note.text.slice(Math.max(0, at - 4), at)));
}
