/**
 * Figures and classes sales-pitch reads off a clause's tags: a number that
 * claims something (not a year, a duration or a label), and a plural class
 * of customers after "for".
 */
import type { Clause } from '../../text/analysis.js';
import type { Hit } from '../model/phrases.js';

const TIME_UNITS =
  /^(?:min|mins|minutes?|hours?|hrs?|days?|weeks?|months?|years?|yrs?|am|pm|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)$/;

const LABELS =
  /^(?:year|grade|class|form|week|day|level|stage|round|season|phase|step|part|chapter|room|floor|gate|platform|no|number|version|unit|lot|table|section)$/;

/**
 * A figure that claims something: "500+ SMBs", "30%", "5x", "4,000 trucks". Not a
 * year ("in 2016"), a duration or a date ("20 minutes", "14 May"), nor a number
 * word ("two quick questions"): those say when or how long, not how well.
 */
export function hasFigure(clause: Clause): boolean {
  const ts = clause.tokens;
  return ts.some((t, i) => {
    if (t.type !== 'number' && t.pos !== 'NUM') return false;
    if (!/\d/.test(t.text)) return false;
    // A year or a span of years: "in 2016", "2018-2020", "2019/20".
    if (/^(?:19|20)\d\d(?:[-–/](?:19|20)?\d\d)?$/.test(t.text)) return false;
    const next = ts[i + 1]?.text === '-' ? ts[i + 2] : ts[i + 1];
    // "Year 6", "Grade 3", "Room 12": a number after a label noun names something, it claims nothing.
    if (LABELS.test(ts[i - 1]?.lower ?? '')) return false;
    return !(next && TIME_UNITS.test(next.lower));
  });
}

const SPECIFIC = new Set(['the', 'this', 'that', 'these', 'those']);

/**
 * "for physio clinics", "for SaaS teams": a plural noun after "for" (English tags only),
 * unless it belongs to someone else's thing ("your talk on pricing for marketplaces").
 */
export function pluralAfterFor(clause: Clause, theirs: (h: Hit) => boolean): boolean {
  const ts = clause.tokens;
  for (let i = 0; i < ts.length; i++) {
    if ((ts[i] as (typeof ts)[number]).lower !== 'for') continue;
    // "for two years", "for 10 people": a quantity, not a class of customers.
    const first = ts[i + 1];
    if (first && (first.pos === 'NUM' || first.type === 'number')) continue;
    for (let j = i + 1; j < Math.min(ts.length, i + 5); j++) {
      const t = ts[j] as (typeof ts)[number];
      // A plural the lemmatiser does not know ("fintechs", "proptechs") is still a plural.
      const plural = t.lower !== t.lemma || (/[^s]s$/.test(t.lower) && !TIME_UNITS.test(t.lower));
      // "for cafés": a lower-case word the tagger read as a name is still a common noun.
      const noun = t.pos === 'NOUN' || (t.pos === 'PROPN' && /^\p{Ll}/u.test(t.text));
      if (noun && plural && t.lower.endsWith('s')) return !theirs(t);
      // "for the hanji lamps": an article picks out particular things, not a class of customers.
      if (t.pos === 'VERB' || t.pos === 'PUNCT' || t.pos === 'PRON' || SPECIFIC.has(t.lower)) break;
    }
  }
  return false;
}
