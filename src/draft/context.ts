import { decodeSlackText } from '../text/decode.js';
import type { FactSlot, Scenario } from './prompts.js';

/** What the user told us about the person, in words a note can use as they are. */
export interface DraftContext {
  /** Full name as given ("Jane Park"), or undefined. */
  name?: string;
  /** A Slack user id when the person was given as a mention; the Slack layer resolves it to a name. */
  mentionId?: string;
  relationship?: Scenario;
  /** Facts for the context line, keyed by the template slot they fill. */
  facts: Partial<Record<FactSlot, string>>;
  /** What the user wants ("swap notes on audio ads"), as a verb phrase. */
  purpose?: string;
  /** A concrete next step ("coffee next week"), as a noun phrase. */
  next?: string;
  /** Parts of the input not understood: never put in a note, reported back. */
  unused: string[];
}

// Third-person references become second person: the note speaks to them.
const PRONOUNS: Array<[RegExp, string]> = [
  // "ask her about…": her as an object; "her book": as a possessive.
  [
    /\bher\b(?=\s+(?:about|to|for|at|in|on|with|if|how|what|why|when|whether|out|up|over|a|an|the|some|our|my|this|that)\b|\s*[,.;!?]|\s*$)/g,
    'you',
  ],
  [/\b(?:her|his|their)\b/g, 'your'],
  [/\b(?:she|he|they)(?:'s| is| are)\b/g, "you're"],
  [/\b(?:she|he|they)\b/g, 'you'],
  [/\b(?:him|them)\b/g, 'you'],
  [/\bherself|himself|themselves\b/g, 'yourself'],
];

function toSecondPerson(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PRONOUNS) out = out.replace(pattern, replacement);
  return out;
}

const NAME_WORD = String.raw`\p{Lu}[\p{L}'’.-]*`;
const PERSON = `${NAME_WORD}(?: ${NAME_WORD}){0,2}`;
const TITLE = /^(?:dr|mr|mrs|ms|prof|professor|sir|dame)\.?\s+/i;
const NAME_ONLY = new RegExp(
  String.raw`^(?:(?:to|for|invite|inviting|note (?:to|for))\s+)?(${PERSON})$`,
  'u',
);
const MENTION = /<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/;

const RELATIONSHIP: Array<[RegExp, Scenario]> = [
  [
    /\b(?:never met|haven't met|have not met|don't know (?:her|him|them)|do not know|cold|stranger|no connection)\b/i,
    'stranger',
  ],
  [
    /\b(?:close|good|old|best) (?:friend|colleague|contact|buddy|mate)\b|\bknow (?:her|him|them) well\b|\bformer (?:colleague|teammate|manager|boss|classmate)\b|\bworked together\b|\bused to work\b/i,
    'close',
  ],
  [/\b(?:acquaintance|met once|met briefly|barely know|only met)\b/i, 'acquaintance'],
];

const WORK_NOUN =
  '(?:post|posts|talk|book|article|podcast|episode|paper|thread|newsletter|keynote|panel|research|work|project|app|video|course|blog|essay|case study|report|study|interview|presentation|slides|comment|answer|library|tool|open[- ]source work)';

interface Matcher {
  test: RegExp;
  apply(m: RegExpMatchArray, ctx: DraftContext): void;
}

const MATCHERS: Matcher[] = [
  {
    // "via Omar", "through Omar Haddad", "intro from Omar", "Omar suggested I reach out (to Kim Lee)"
    test: new RegExp(
      String.raw`^(?:(?:mutual(?: friend| connection)?:?|via|through|intro(?:duced)? (?:by|from|through)|introduction from|referred by|thanks to)\s+(${PERSON})|(${PERSON}) (?:suggested|introduced|recommended|referred)(?: (?:me|us))?(?: (?:I|we) (?:reach out|connect|get in touch|talk|write))?(?: (?:to|with) (${PERSON}))?(?: (about .+))?)$`,
      'u',
    ),
    apply: (m, ctx) => {
      ctx.facts.mutual = (m[1] ?? m[2]) as string;
      if (m[3]) ctx.name ??= m[3];
      if (m[4]) ctx.purpose ??= `talk ${toSecondPerson(m[4])}`;
    },
  },
  {
    // "met at SXSW on the podcasting panel", "we met her at the Denver meetup"
    test: /^(?:we |i )?(?:met|meeting|chatted|talked|spoke)(?: (?:her|him|them|briefly|once))?\s+((?:at|in|during|on|over|after)\b.+)$/i,
    apply: (m, ctx) => {
      ctx.facts.met = toSecondPerson(m[1] as string);
      ctx.relationship ??= 'acquaintance';
    },
  },
  {
    // "worked together at Acme", "old colleague from Acme", "studied together at MIT"
    test: /^(?:we\s+)?(?:(worked|studied|played|volunteered|served|went to school) together|(?:old|former) (?:colleague|teammate|classmate)s?)\s*((?:at|from|in|on)\b.+)?$/i,
    apply: (m, ctx) => {
      const verb = m[1]?.toLowerCase() ?? 'worked';
      const where = (m[2] ?? '').replace(/^from\b/i, 'at');
      ctx.facts.shared = `${verb} together${where ? ` ${where}` : ''}`;
      ctx.relationship ??= 'close';
    },
  },
  {
    // "loved her post on pricing", "read his book on X", "heard their talk at KubeCon"
    test: new RegExp(
      String.raw`^(?:i |we )?(?:loved|read|enjoyed|liked|saw|heard|watched|listened to|follow|followed|use|used)\s+(?:(?:her|his|their|your|the)\s+)?((?:[\p{L}\d'’-]+\s+){0,3}?${WORK_NOUN}\b.*)$`,
      'iu',
    ),
    apply: (m, ctx) => {
      ctx.facts.work = toSecondPerson(m[1] as string);
    },
  },
  {
    // "want to swap notes on audio ads", "hoping to ask her about hiring"
    test: /^(?:i |we )?(?:want|wanted|would like|'d like|hope|hoping|looking|keen|would love|'d love|love) to\s+(.+)$/i,
    apply: (m, ctx) => {
      ctx.purpose = toSecondPerson(m[1] as string);
    },
  },
  {
    // "coffee next week", "next step: a call", "suggest lunch"
    test: /^(?:next(?: step)?:?\s+|suggest\s+|maybe\s+)?((?:a |an )?(?:quick )?(?:coffee|call|chat|lunch|drinks?|zoom|video call|walk|intro|introduction)\b.*)$/i,
    apply: (m, ctx) => {
      ctx.next = toSecondPerson(m[1] as string);
    },
  },
];

/** Splits what the user typed into clauses and reads each one; nothing is guessed. */
export function parseContext(input: string): DraftContext {
  const ctx: DraftContext = { facts: {}, unused: [] };
  const mention = MENTION.exec(input);
  let text = input;
  if (mention) {
    ctx.mentionId = mention[1];
    if (mention[2]) ctx.name = mention[2].replace(/^@/, '');
    text = text.replace(MENTION, mention[2] ? '' : ' ');
  }
  // @channel and friends say nothing about the person; links become their labels and
  // entities their characters, so a note never carries Slack markup.
  text = decodeSlackText(text.replace(/<!(?:channel|here|everyone|subteam\^[^>]*)>/g, ' ')).plain;
  for (const [pattern, scenario] of RELATIONSHIP) {
    if (pattern.test(text)) {
      ctx.relationship = scenario;
      break;
    }
  }
  const clauses = text
    .split(/[,;\n]|(?<!\b(?:Dr|Mr|Mrs|Ms|Prof|St|Jr|Sr))\.(?:\s|$)|\s[-–—]\s/)
    .map((c) => c.trim().replace(/\s+/g, ' '))
    .filter((c) => c !== '');

  for (const [i, clause] of clauses.entries()) {
    const name = NAME_ONLY.exec(clause.replace(TITLE, ''));
    if (name && ctx.name === undefined && i === 0) {
      ctx.name = name[1];
      continue;
    }
    const matcher = MATCHERS.find((mt) => mt.test.test(clause));
    if (matcher) {
      matcher.apply(clause.match(matcher.test) as RegExpMatchArray, ctx);
      continue;
    }
    if (isRelationshipOnly(clause)) continue;
    ctx.unused.push(clause);
  }
  return ctx;
}

// "never met", "old friend", "acquaintance": already read into `relationship`.
function isRelationshipOnly(clause: string): boolean {
  const rest = RELATIONSHIP.reduce((s, [p]) => s.replace(new RegExp(p.source, 'gi'), ''), clause);
  return rest.replace(/\b(?:an?|the|we|i|haven't talked in years|in years)\b/gi, '').trim() === '';
}

export function firstName(name: string): string {
  const first = name.replace(TITLE, '').split(/\s+/)[0] as string;
  // Slack display names are often lower case ("lena"); a greeting is not.
  return first.charAt(0).toUpperCase() + first.slice(1);
}
