import type { LanguagePack } from './language.js';
import type { PronounSet } from './person.js';

/** Word lists combined per language once, so their patterns are looked up, not rebuilt. */
export interface Derived {
  metLead: string[];
  emptyOrMeta: string[];
  pronouns: Partial<Record<PronounSet, string[]>>;
}
const derivedCache = new WeakMap<LanguagePack, Derived>();
export function derived(pack: LanguagePack): Derived {
  let d = derivedCache.get(pack);
  if (!d) {
    const r = pack.read;
    const pronouns: Derived['pronouns'] = {};
    for (const set of ['she', 'he', 'they'] as const) {
      const p = r.pronouns[set];
      if (!p) continue;
      pronouns[set] =
        set === 'they'
          ? [...p.subject, ...p.contracted]
          : [
              ...p.subject,
              ...p.possessive,
              ...p.contracted,
              ...p.object.filter((o) => o.length > 2),
            ];
    }
    d = {
      metLead: [
        ...r.met_lead,
        ...(pack.language === 'en' ? ['met', 'meeting', 'met up with', 'met with'] : []),
      ],
      emptyOrMeta: [
        ...r.empty_purposes,
        'write to',
        'reaching out to',
        'reach out to',
        'note to',
        'note for',
      ],
      pronouns,
    };
    derivedCache.set(pack, d);
  }
  return d;
}
