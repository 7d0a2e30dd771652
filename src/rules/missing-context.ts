import { anyOf } from '../text/any-of.js';
import type { Note } from '../text/note.js';
import { type Rule, whole } from './rule.js';

/**
 * Context is positive evidence of how the two know each other or why this
 * person: a shared event, place, group, school or employer, a named mutual
 * connection, or a specific piece of their work. Vague flattery ("your
 * profile is impressive", "similar interests") is not context.
 */
const WORK_NOUN =
  '(?:talks?|posts?|articles?|books?|threads?|case stud(?:y|ies)|blog|newsletter|podcast|episode|papers?|research|comments?|questions?|apps?|products?|plugin|library|repo|project|demo|video|benchmarks?|series|work on|keynote|panel|session|presentation|slides|webinar|course|story|stories|advice|review|reviews|feedback|opening|role|launch|essay|workshop|lecture|seminar|training|masterclass|ama|livestream|stream|class|classes|channel|community|group|meetup|event|recipe|recipes|code|gem|package|crate|extension|font|game|shop|store|tweet|thread|study|report|survey|interview|portfolio|designs?|illustrations?|photos?|art|music|album|film|show|company|startup|team|firm|lab|open[- ]source|pr|pull request|charla|conférence|vortrag|beitrag|artículo|ejemplo|palestra|artigo)';

const EVENT_NOUN =
  '(?:conference|summit|meetup|meet-up|expo|symposium|webinar|workshop|panel|keynote|hackathon|mixer|dinner|breakfast|lunch|party|offsite|retreat|bootcamp|festival|fair|forum|convention|open space|weekend|camp|con|days|week|session|class|course|cohort|program|group|community|channel|slack|discord|club|chapter|alumni|reunion|salon|taller|congreso|konferenz|tagung)';

const CONTEXT_PATTERNS: readonly RegExp[] = [
  // Something of theirs, named: "your PyCon talk", "your article on …", "your app Tallybook".
  new RegExp(String.raw`\byour (?:[\p{L}\d'’+#.-]+ ){0,3}${WORK_NOUN}\b`, 'u'),
  // "loved the {fmt} library talk", "great panel at ReactConf": a specific moment of theirs.
  /\b(?:loved|enjoyed|liked|great|fantastic|excellent|inspiring|brilliant) (?:the |that |this )?(?:[\p{L}\d{}'’+#.-]+ ){0,3}(?:talk|panel|keynote|session|workshop|presentation|demo|webinar|podcast|episode)\b/u,
  new RegExp(
    String.raw`\b(?:tu|tus|votre|vos|dein|deine|ihr|ihre|su|sus|sua|seu) (?:[\p{L}\d-]+ ){0,3}${WORK_NOUN}\b`,
    'u',
  ),
  // "your Rust work", "your work with Notion": their work, made specific.
  /\byour (?:[\p{L}\d'’-]+ ){1,3}work\b|\byour work (?:on|with|at|for|in)\b|\b(?:customer|client|user|subscriber|reader|fan|member|student) of (?:yours|your)\b/u,
  // Having met or shared a moment.
  /\bwe(?: were| are|'re)? both\b(?! (?:in|into|work in|working in) (?:the )?(?:tech|technology|marketing|sales|finance|hr|healthcare|[a-z]+ (?:industry|space|field|sector))\b)|\bboth (?:spoke|attended|worked|went|studied)\b/u,
  /\b(?:we|i) (?:met|spoke|chatted|talked|sat|worked|studied|overlapped|played|volunteered|served|presented)\b/u,
  /\b(?:meeting|seeing|chatting with|talking with|speaking with|meet|met|see|saw) you (?:at|in|during|on)\b/u,
  /\b(?:great|good|nice|lovely|fun|pleasure) (?:meeting|seeing|chatting|talking|speaking|catching up|connecting at)\b/u,
  new RegExp(String.raw`\b(?:at|during|in) the [\p{L}\d'’()# -]{0,50}?\b${EVENT_NOUN}\b`, 'u'),
  // Shared history, school, employer.
  /\b(?:worked|work|studied|study) together\b|\bformer (?:colleague|classmate|teammate|manager|coworker)\b|\bour (?:[\p{L}-]+ ){0,2}days\b|\bbeen (?:ages|a while|too long) since\b/u,
  /\bfellow\b|\balum(?:na|nus|ni)?\b|\bclass of \d{2,4}\b|\bclassmates?\b|\bsame (?:school|university|program|team|company|cohort|class|switch|neighbou?rhood|building|city|town|gym|office|floor|coworking|bootcamp|club|group|church|league)\b/u,
  /\bi (?:was|am) (?:one of )?your (?:first )?(?:[\p{L}-]+ )?(?:users?|customers?|students?|readers?|listeners?|attendees?|mentees?|clients?)\b|\b(?:heavy|long-?time|happy|beta) (?:user|users|customer|customers)\b/u,
  /\b(?:use|used|using|run|running|ran) (?:every [\p{L}]+ through|it daily|your)\b|\bwe love it\b|\bthanks? (?:you )?for (?:building|making|writing|creating|sharing|the|your|mentoring|hosting|organizing|speaking)\b/u,
  /\bcongrat(?:s|ulations) on\b|\bsaw (?:that )?you(?:'re| are| just| made| moved| joined| started)\b|\bgreat to see you(?:'re| are)\b|\bread your\b|\bjust finished your\b|\bheard (?:you|your)\b|\blistened to your\b|\bwatched your\b|\bloved your\b/u,
  // Their company as buyer/customer context.
  /\b(?:our|my) (?:account rep|contract with|subscription|account manager)\b|\b(?:client|maintainer|contributor|sdk|client library) for\b/u,
  // Other languages: met at / conference / thanks for the talk.
  /\b(?:nos conocimos|conocerte en|fue un placer|merci pour|schön, dass wir|wir haben uns|ravi d'avoir|ci siamo conosciuti|nous nous sommes rencontr|on s'est rencontr|kennengelernt|nos conhecemos|conhecê-l)/u,
];

// A named person who sent them: "Jordan Lee at Figma said…", "my colleague Ravi Shah recommended…", "via Omar".
const REFERRAL_VERB =
  '(?:suggested|mentioned|recommended|said|told me|pointed me|introduced|referred|thought we|speaks highly|passed along)';
const REFERRAL = new RegExp(
  String.raw`(?:\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?|@\S+)(?: (?:from|at|in|on) (?:your |the )?[\p{L}\d'’ -]{1,30}?)? ${REFERRAL_VERB}\b|\b(?:via|through) (?:our (?:mutual )?(?:friend|colleague) )?(?:\p{Lu}[\p{L}'’-]+|@\S+)|\bmutual (?:friend|connection|colleague) \p{Lu}`,
  'u',
);

// Every context pattern in one scan of the note.
const ANY_CONTEXT = anyOf(CONTEXT_PATTERNS);

export function hasContext(note: Note): boolean {
  if (ANY_CONTEXT.test(note.lower)) return true;
  if (REFERRAL.test(note.text)) return true;
  return false;
}

export const missingContext: Rule = {
  id: 'missing-context',
  level: 'warning',
  description:
    'Nothing says how they know each other or why this person: no shared event, place, group, employer, school, mutual connection or piece of their work.',
  check(note) {
    if (hasContext(note)) return [];
    return [
      whole(
        note,
        'Nothing says how you know them or why you picked them, so they may not recognise you and could answer "I don\'t know this person".',
        'Open with the context: where you met, who suggested you connect, what you share (school, employer, group), or the piece of their work that made you write.',
      ),
    ];
  },
};
