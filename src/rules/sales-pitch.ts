import { anyOf } from '../text/any-of.js';
import type { Note } from '../text/note.js';
import { at, type Rule } from './rule.js';

/**
 * A pitch is recognised from several signals together, not from a word list:
 * "pricing", "demo" or "quick call" appear in plenty of honest notes (a buyer
 * asking for a price, praise for their demo, a student asking for a call).
 * Each signal has a weight; the note is a pitch when the weights add up to
 * PITCH_SCORE. Weak signals only count alongside a stronger one.
 */
interface Signal {
  /** Why it smells of selling, for the message. */
  reason: string;
  weight: 1 | 2;
  pattern: RegExp;
  /** Counts only when another, non-weak signal is present. */
  weak?: boolean;
  /** Matched against the lower-cased text unless the case carries meaning ("Reply 'GROW'"). */
  on?: 'text';
  /** Ignored when the sender is hiring or buying (an interview slot is not a sales meeting). */
  notWhenBuying?: boolean;
}

const PITCH_SCORE = 2;

const PRODUCT_NOUN =
  '(?:product|platform|tool|software|solution|service|services|app|api|package|plan|suite|assistant|builder|crm|engine|sdk|system|agency|bootcamp|course|program|programme)';

const SIGNALS: readonly Signal[] = [
  {
    reason: 'offers your own product or service',
    weight: 1,
    pattern: new RegExp(
      [
        String.raw`\b(?:we|i) help(?:s)?\b(?! (?:you|with)\b)`,
        String.raw`\bwir helfen\b|\bayudamos a\b|\bnous aidons\b|\bofrecemos\b|\bnous proposons\b|\bwir bieten\b|\boferecemos\b`,
        String.raw`\b(?:our|my)\s+(?:[\p{L}\d-]+\s+){0,3}${PRODUCT_NOUN}\b(?=\s+(?:\w+\s+){0,2}(?:help|helps|cuts?|saves?|books?|covers?|can|lets?|gives?|predicts?|makes?|has helped|is)\b)`,
        String.raw`\bof (?:our|my) (?:[\p{L}\d-]+\s+){0,3}${PRODUCT_NOUN}\b`,
        String.raw`,\s+our\s+(?:[\p{L}\d-]+\s+){0,3}${PRODUCT_NOUN}\b`,
        String.raw`\bwe(?: have)? built an? (?:\w+ ){0,3}(?:tool|platform|app|product|solution)\b`,
        String.raw`\bwe(?:'re| are) an? (?:[\p{L}\d-]+ ){0,3}(?:agency|consultancy|studio|firm|vendor|provider|partner)\b`,
        String.raw`\bi run an? (?:[\p{L}\d-]+ ){0,3}(?:agency|consultancy|studio|firm|practice)\b`,
        String.raw`\bmy (?:agency|team|firm|company|studio) (?:can|places|will|helps|specializes|specialises)\b`,
        String.raw`\bour team of \d+\b`,
        String.raw`\bintroduce you to (?:our|my)\b`,
        String.raw`\bwe(?:'re| are)? (?:[a-z]+ly )?(?:protect|secure|automate|streamline|power|optimi[sz]e|scale|manage|handle|build|design|deliver|provide|offer|sell|supply|place|boost|grow|increase|reduce|cut|save|drive|generate|transform)(?:s|ing)? (?:[\w-]+ ){0,3}?(?:for|teams|companies|businesses|brands|agencies|founders|startups|smbs|clients|customers|your)\b`,
        String.raw`\b(?:our|my) (?:new |latest )?(?:[\p{L}\d-]+\s+){0,2}${PRODUCT_NOUN}\b(?=\s+(?:\w+\s+){0,1}\w+s\b)`,
        String.raw`\bwe'd (?:love|be happy|be glad) to (?:redesign|rebuild|build|design|manage|run|handle|audit|take over|optimi[sz]e|grow|fix) your\b`,
        String.raw`\bwe (?:white-label|resell|offer|provide|sell|specialize in|specialise in)\b|\bwe(?:'re| are) (?:now )?(?:offering|selling|launching|giving away)\b`,
        String.raw`\bwhat we (?:fix|solve|do best)\b|\bexactly what we\b`,
        String.raw`\bi'm an? (?:[\p{L}-]+ ){0,2}(?:financial advisor|financial adviser|consultant|broker|agent|coach|copywriter|ghostwriter)\b(?! at)`,
        String.raw`\bshow you how \p{Lu}?[\p{L}\d ]{0,30}? (?:can|will) (?:save|help|cut|boost|grow)\b`,
        String.raw`\bsponsor(?:ship)? (?:slots|packages|opportunities)\b`,
      ].join('|'),
      'gu',
    ),
  },
  {
    reason: 'pitches what you could do for them',
    weight: 1,
    pattern:
      /\bhow (?:ai|we|i|our [\w-]+|my [\w-]+) (?:can|could) (?:cut|save|reduce|boost|grow|help|increase|double|triple|improve|fix)\b|\bwe can help you\b|\b(?:offer|give) you (?:a |an |our )?(?:free|discounted|special|exclusive)\b/gu,
  },
  {
    reason: 'makes a performance claim',
    weight: 1,
    pattern: new RegExp(
      [
        String.raw`\b\d+(?:\.\d+)?\s?[x×]\s+(?:faster|more|better|cheaper|markup|roi|growth)\b`,
        String.raw`\b(?:by|um|de|of) \d+(?:\.\d+)?\s?%`,
        String.raw`\d+\s?%\s+(?:lower|less|cheaper|faster|more|fewer|better|higher|of)\b`,
        String.raw`\bun \d+\s?%`,
        String.raw`\b\d+\+\s+(?:new\s+)?(?:clients|customers|sites|websites|engineers|companies|teams|leads|brands|students|users|smbs|businesses|shops|stores|firms|practices|organi[sz]ations|agencies|startups)\b`,
        String.raw`\$\d[\d,.]*k?\+`,
        String.raw`\bsave[s]?\s+(?:\w+\s+){0,3}\d+\s+hours\b`,
        String.raw`\bin under \d+ (?:days|weeks)\b|\bin \d+ days\b`,
        String.raw`#1 |\bnumber one\b|\bthe leading (?:provider|platform)\b|\baward-winning\b`,
        String.raw`\b(?:fortune 500|teams like yours|companies like yours|agencies like yours|leaders like you)\b`,
      ].join('|'),
      'gu',
    ),
  },
  {
    reason: 'offers a demo',
    weight: 2,
    pattern:
      /\b(?:show|give|run|schedule|book|set up|walk) (?:you )?(?:a |an |our )?(?:[\w-]+ ){0,2}demo\b|\b(?:quick|short|brief|kurze|kurzen|personalized|live) demo\b(?!\s+(?:video|day|at)\b)|\bdemo of (?:our|my)\b|\b\d+[- ]?min(?:ute)? demo\b/gu,
  },
  {
    reason: 'offers a free trial or freebie',
    weight: 2,
    pattern:
      /\bfree (?:\d+[- ]day )?trial\b|\btry (?:it|us|\w+) (?:for )?free\b|\bfree (?:[\w-]+ ){0,2}(?:audit|sandbox|account|consultation|assessment|strategy session|analysis|sample|review|pilot|workshop)\b|\b(?:demo|prueba|versión|démo|essai|demonstração) (?:gratuita|gratuite|gratuit|gratis)\b|\bkostenlose?n? (?:demo|test|testphase|beratung)\b|\bdiscounted\b|\b(?:early|beta|priority) access\b|\bcomplimentary (?:[\w-]+ ){0,2}(?:review|consultation|audit|assessment|session|analysis)\b|\bno credit card\b|\bearly[- ]bird\b/gu,
  },
  {
    reason: 'quotes prices or rates',
    weight: 2,
    pattern: new RegExp(
      [
        String.raw`[$€£]\s?\d[\d,.]*\s?k?\s*(?:/|per |a )\s*(?:month|mo|year|yr|user|seat|hour|hr)\b`,
        String.raw`\b(?:pricing|prices?|plans?|packages?|rates) start(?:s|ing)? (?:at|from)\b`,
        String.raw`\b(?:examples|samples|case studies|portfolio) and (?:pricing|prices|rates)\b|\b(?:price|rate) sheet\b|\bour (?:rates|pricing|prices|fees)\b|\bportfolio and rates\b|\bwholesale rates\b`,
        String.raw`\bsend (?:you |over )?(?:a |our |the )?(?:short |quick |free )?(?:quote|proposal|prospectus|price list|rate card|pricing)\b`,
        String.raw`\b\d+\s?% (?:off|fee|discount|commission)\b|\bmarkup\b`,
        String.raw`\bbeat your (?:[\w-]+ ){0,3}(?:rates|price|prices|premium|quote)\b`,
        String.raw`\bcharge (?:only )?on\b|\bonly charge\b|\bprice is [$€£]`,
      ].join('|'),
      'gu',
    ),
  },
  {
    reason: 'names a price for your work',
    weight: 1,
    notWhenBuying: true,
    pattern: /\b(?:for|at|from|only|just) [$€£]\s?\d[\d,.]*\s?k?\b(?! (?:budget|salary|raise))/gu,
  },
  {
    reason: 'links to a calendar to book a meeting',
    weight: 2,
    notWhenBuying: true,
    pattern:
      /\b(?:calendly\.com|cal\.com|savvycal\.com|meetings\.hubspot\.com|chilipiper\.com)\b|\bbook (?:a |some )?(?:\d+ ?(?:minutes|mins?)|time|a slot|a demo|a call|a meeting)\b(?: (?:on|in) my calendar)?|\bon my calendar\b|\btermin buchen\b/gu,
  },
  {
    reason: 'asks for a sign-up or a reply keyword',
    weight: 2,
    pattern:
      /\b[Ss]et up your account\b|\b[Ll]ink to (?:enroll|sign up|register|buy)\b|\b[Rr]eply ['"]?[A-Z]{2,}['"]?(?=\W)|\b[Ss]ign up (?:here|today|now)\b/gu,
    on: 'text',
  },
  {
    reason: 'offers to send sales material',
    weight: 1,
    pattern:
      /\bsend (?:you |over )?(?:a few |some |our |my )?(?:[\w-]+ ){0,1}(?:cvs|resumes of|profiles|candidates|case stud(?:y|ies)|deck|brochure|one-pager|catalog(?:ue)?|price list|media kit)\b|\bhappy to show you\b|\bare you the right person (?:to talk to )?(?:about|for|to)\b/gu,
  },
  {
    reason: 'asks for a quick call or chat',
    weight: 1,
    weak: true,
    notWhenBuying: true,
    pattern:
      /\bquick (?:call|chat|zoom|meeting)\b|\b\d+[- ]?(?:minute|min) (?:call|chat|meeting|zoom)\b|\bhop on a (?:quick )?call\b|\bworth a (?:\d+[- ]minute )?(?:chat|call|conversation)\b|\b\d+ minutes (?:this|next) week\b|\b(?:discuss|explore) (?:your roadmap|a partnership|how we)\b/gu,
  },
];

// The sender is hiring, buying, or asking for advice: money and meetings are not a pitch here.
const BUYING =
  /\b(?:i'm|i am|we're|we are) (?:hiring|recruiting|evaluating|choosing|looking for (?:a|an) (?:vendor|supplier|agency))\b|\brecruiting for\b|\bour budget\b|\bestoy contratando\b|\b(?:we|i) need (?:ours|a|an|someone)\b|\blooking to hire\b|\bcommission(?:ing)?\b|\b(?:looking for|searching for|need|hiring) (?:a|an) (?:[\w-]+ ){0,2}(?:agency|vendor|supplier|consultant|freelancer|designer|developer|partner|firm|contractor|provider)\b|\bi'm a (?:customer|client|user) of\b/u;

// No finding without a strong signal, so a note where none of them occurs
// needs no further look: one scan per subject text instead of one per signal.
function anyStrong(on: 'lower' | 'text'): RegExp | undefined {
  const patterns = SIGNALS.filter((s) => !s.weak && (s.on ?? 'lower') === on).map((s) => s.pattern);
  return patterns.length > 0 ? anyOf(patterns) : undefined;
}
const ANY_STRONG_ON_LOWER = anyStrong('lower');
const ANY_STRONG_ON_TEXT = anyStrong('text');

function mayHaveStrongSignal(note: Note): boolean {
  return (
    (ANY_STRONG_ON_LOWER?.test(note.lower) ?? false) ||
    (ANY_STRONG_ON_TEXT?.test(note.text) ?? false)
  );
}

interface Hit {
  signal: Signal;
  start: number;
  end: number;
}

function findHits(note: Note): Hit[] {
  const hits: Hit[] = [];
  for (const signal of SIGNALS) {
    for (const m of note.matches(signal.pattern, signal.on ?? 'lower')) {
      // ", our platform": the comma only anchors the match; the span starts at the words.
      const lead = m[0].startsWith(',') ? (/^[,\s]*/.exec(m[0])?.[0].length ?? 0) : 0;
      hits.push({ signal, start: m.index + lead, end: m.index + m[0].length });
    }
  }
  return hits;
}

export const salesPitch: Rule = {
  id: 'sales-pitch',
  level: 'error',
  description:
    'The note sells: a product or service, pricing, a demo, a free trial, a "quick call" to pitch, a calendar link for a sales meeting.',
  check(note) {
    if (!mayHaveStrongSignal(note)) return [];
    const buying = BUYING.test(note.lower);
    const hits = findHits(note).filter((h) => !(buying && h.signal.notWhenBuying));
    const strong = hits.filter((h) => !h.signal.weak);
    if (strong.length === 0) return [];
    // Each signal counts once, however often it matches.
    const signals = new Set(hits.map((h) => h.signal));
    let score = 0;
    for (const s of signals) score += s.weight;
    if (score < PITCH_SCORE) return [];

    const start = Math.min(...hits.map((h) => h.start));
    const end = Math.max(...hits.map((h) => h.end));
    const reasons = [...signals].map((s) => s.reason);
    return [
      at(
        note,
        start,
        end,
        `This reads as a sales pitch: it ${joinReasons(reasons)}. People decline invitations that sell before any relationship exists.`,
        'Cut the offer. Say how you know them or why them, ask about their work, and keep any business for after they accept and reply.',
      ),
    ];
  },
};

function joinReasons(reasons: string[]): string {
  if (reasons.length <= 1) return reasons.join('');
  return `${reasons.slice(0, -1).join(', ')} and ${reasons.at(-1)}`;
}
