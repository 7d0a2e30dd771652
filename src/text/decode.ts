/**
 * Resolves Slack's message markup and typographic noise into plain text that
 * rules can match, while remembering where every plain character came from so
 * that findings point into the text exactly as the caller passed it.
 */

export type EntityKind = 'mention' | 'broadcast' | 'channel' | 'link' | 'email';

export interface Entity {
  kind: EntityKind;
  /** Range in the plain text. */
  start: number;
  end: number;
  /** The target: user id, URL, address, channel id. */
  target: string;
}

export interface Decoded {
  plain: string;
  /** True when plain === raw character for character; the offset arrays are then left empty. */
  identity: boolean;
  /** rawStart[i] / rawEnd[i]: the raw range that plain character i came from. */
  rawStart: number[];
  rawEnd: number[];
  entities: Entity[];
}

// Only these forms are Slack markup; anything else in angle brackets (`<NAME>`,
// `<3`) is the user's own text and stays as it is.
const SLACK_TOKEN =
  /<(@[UW][A-Z0-9]+|#C[A-Z0-9]+|![a-z]+(?:\^[^|>]*)?|(?:https?|mailto|tel):[^|>\s]+)(?:\|([^>]*))?>/y;

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };
const ENTITY = /&(?:amp|lt|gt);/y;

// Invisible characters a person cannot see: zero-width space, word joiner,
// BOM, soft hyphen, bidi marks and embeddings. ZWJ and ZWNJ stay: they shape
// emoji and scripts.
const INVISIBLE = /[\u00AD\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

const SUBSTITUTES: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u2032': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u00A0': ' ',
  '\u202F': ' ',
  '\u2007': ' ',
};

// Nothing to resolve: no markup, entity, invisible or substituted character.
const NEEDS_DECODING =
  /[<&\u00A0\u00AD\u200B\u200E\u200F\u2007\u2018\u2019\u201A\u201C-\u201E\u202A-\u202F\u2032\u2060-\u2064\u2066-\u2069\uFEFF]/;

export function decodeSlackText(raw: string): Decoded {
  if (!NEEDS_DECODING.test(raw))
    return { plain: raw, identity: true, rawStart: [], rawEnd: [], entities: [] };
  const parts: string[] = [];
  const rawStart: number[] = [];
  const rawEnd: number[] = [];
  const entities: Entity[] = [];
  let length = 0;

  const emit = (text: string, from: number, to: number) => {
    for (let k = 0; k < text.length; k++) {
      rawStart.push(from);
      rawEnd.push(to);
    }
    parts.push(text);
    length += text.length;
  };

  let i = 0;
  while (i < raw.length) {
    const ch = raw[i] as string;
    if (ch === '<') {
      SLACK_TOKEN.lastIndex = i;
      const m = SLACK_TOKEN.exec(raw);
      if (m) {
        const end = i + m[0].length;
        const start = length;
        const entity = describeToken(m[1] as string, m[2]);
        emit(entity.display, i, end);
        if (entity.kind)
          entities.push({ kind: entity.kind, start, end: length, target: entity.target });
        i = end;
        continue;
      }
    } else if (ch === '&') {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(raw);
      if (m) {
        emit(ENTITIES[m[0]] as string, i, i + m[0].length);
        i += m[0].length;
        continue;
      }
    } else if (INVISIBLE.test(ch)) {
      i++;
      continue;
    }
    emit(SUBSTITUTES[ch] ?? ch, i, i + 1);
    i++;
  }
  rawStart.push(raw.length);
  rawEnd.push(raw.length);
  return { plain: parts.join(''), identity: false, rawStart, rawEnd, entities };
}

function describeToken(
  body: string,
  label: string | undefined,
): { display: string; kind?: EntityKind; target: string } {
  const text = label ? decodeEntities(label) : undefined;
  switch (body[0]) {
    case '@':
      // A mention is a person: shown by name when Slack gave one.
      return {
        display: text ? `@${text.replace(/^@/, '')}` : '@Someone',
        kind: 'mention',
        target: body.slice(1),
      };
    case '#':
      return { display: `#${text ?? 'channel'}`, kind: 'channel', target: body.slice(1) };
    case '!': {
      const name = body.slice(1).split('^')[0] as string;
      if (name === 'here' || name === 'channel' || name === 'everyone') {
        return { display: `@${name}`, kind: 'broadcast', target: name };
      }
      if (name === 'subteam')
        return { display: text ?? '@team', kind: 'broadcast', target: body.slice(1) };
      // `<!date^…|fallback>` and friends: the fallback is what a person reads.
      return { display: text ?? '', target: body.slice(1) };
    }
    default: {
      const isMail = body.startsWith('mailto:');
      const target = isMail ? body.slice('mailto:'.length) : body;
      return { display: text ?? target, kind: isMail ? 'email' : 'link', target };
    }
  }
}

function decodeEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt);/g, (e) => ENTITIES[e] as string);
}
