/**
 * A customer who asks about a channel ("Is there an English-speaking hotline?", "Wie erreiche ich euch am Wochenende?",
 * "Wo kann ich einen Stromausfall melden?") is answered by the brand naming it: a reply read as a redirect ("our
 * outage hotline 0800 … has English-speaking staff") or as an office-hours notice ("Wir sind Mo–Fr von 8 bis 18 Uhr
 * für dich da") is then the answer (QA round 8: the hotline answer to the hotline question kept an alert open).
 * Reply kinds are cues of the reply alone (reply-kind.ts); this needs the question too, so the tracker asks it.
 */
import type { ReplyKind } from '../src/model.ts';
import { DM_CUES } from './reply-cues.ts';
import type { ReplyClassification } from './reply-kind.ts';

const APOS = "(?:'|’)";
/** Channels and contact details a customer asks for. */
const CHANNEL_EN = String.raw`(?:[a-z-]+\s+){0,3}?(?:hotline|helpline|phone\s*(?:number|line)|(?:contact\s+)?number|live\s*chat|chat|e-?mail(?:\s+address)?|contact\s+(?:form|details)|way\s+to\s+(?:contact|reach)\s+you)`;
const CHANNEL_DE = String.raw`(?:[a-zäöüß-]+\s+){0,3}?(?:[a-zäöüß-]*hotline|[a-zäöüß-]*nummer|[a-zäöüß-]*chat|e-?mail(?:-?adresse)?|kontaktformular|[a-zäöüß-]*formular|ansprechpartner\S*|möglichkeit\S*\s+(?:euch|sie|jemanden)\s+zu\s+erreichen)`;

const ASKS_FOR_CHANNEL = new RegExp(
  [
    // English: "is there an English-speaking hotline?", "do you have a number for outages?", "how can I reach you?"
    String.raw`\b(?:is\s+there|do\s+you\s+(?:guys\s+)?have|have\s+you\s+got|you\s+got)\s+(?:an?|any)\s+${CHANNEL_EN}\b`,
    String.raw`\bhow\s+(?:can|do|should|could|would)\s+i\s+(?:contact|reach|call|ring|phone|email|get\s+(?:in\s+touch\s+with|hold\s+of|through\s+to)|talk\s+to|speak\s+to|report)\b`,
    String.raw`\bwhat(?:${APOS}s|\s+is)\s+(?:the|your)\s+${CHANNEL_EN}\b`,
    String.raw`\bwhere\s+(?:can|do|should|could)\s+i\s+(?:report|call|contact|write|complain|reach)\b`,
    String.raw`\b(?:when|what\s+time)\s+(?:is|are)\s+(?:you|your|the)\s+(?:[a-z-]+\s+){0,2}?(?:open|available|staffed|reachable|online)\b`,
    String.raw`\bwho\s+(?:do|should|can)\s+i\s+(?:contact|call|talk\s+to|speak\s+to|ask|write\s+to)\b`,
    String.raw`\bwhich\s+(?:number|e-?mail(?:\s+address)?|hotline)\b`,
    // German: "gibt es eine englischsprachige Hotline?", "wie erreiche ich euch?", "wo kann ich das melden?"
    String.raw`\b(?:gibt\s+es|gibt${APOS}?s|habt\s+ihr|haben\s+sie)\s+(?:(?:auch|eigentlich|denn|irgendwo)\s+)*(?:eine?n?|a|irgendeine?n?)\s+${CHANNEL_DE}\b`,
    String.raw`\bwie\s+(?:erreiche|kontaktiere)\s+ich\b|\bwie\s+(?:kann|soll)\s+ich\s+(?:euch|sie|jemanden|die\s+\S+)\s+(?:erreichen|kontaktieren|anrufen)\b`,
    String.raw`\bwo\s+(?:kann|soll|muss)\s+ich\s+(?:(?:das|den|die|so\s+was|sowas|einen|eine)\s+)?(?:\S+\s+)?(?:melden|anrufen|einreichen)\b`,
    String.raw`\ban\s+wen\s+(?:kann|soll|muss)\s+ich\s+mich\s+wenden\b`,
    String.raw`\bwann\s+(?:ist|sind|seid)\s+(?:ihr|eure?\s+\S+|die\s+\S+|der\s+\S+|ihre?\s+\S+)\s+(?:\S+\s+)?(?:erreichbar|besetzt|offen|da|online)\b`,
    String.raw`\b(?:welche|wie\s+(?:ist|lautet))\s+(?:die\s+|eure\s+|ihre\s+)?(?:[a-zäöüß-]*nummer|hotline|e-?mail-?adresse)\b`,
  ].join('|'),
);

/** Whether a customer's message asks how or where to reach the brand, or when it is reachable. */
export function asksForChannel(text: string): boolean {
  return ASKS_FOR_CHANNEL.test(text.toLowerCase());
}

/** Auto-reply cues that state when or where the team is reachable: the answer to a question about exactly that. */
const REACHABILITY_CUES = ['Servicezeiten des Teams', 'team hours', 'gerade nicht erreichbar', 'offline right now'];

/** Redirect cues that move the case to private messages (reply-cues.ts, reply-cues-elsewhere.ts). */
const PRIVATE_CUES: ReadonlySet<string> = new Set([...DM_CUES, 'sent you a DM', 'DM geschickt']);

/**
 * The kind of a reply to customers who asked about a channel: a redirect to a channel, or a statement of when the
 * team is reachable, answers them; anything else keeps its kind.
 */
export function kindForChannelQuestion(reply: ReplyClassification): ReplyKind {
  // "We've sent you a DM" names no channel the customer can use; it stays a redirect.
  if (reply.kind === 'deflection') return reply.cues.some((c) => c.cue.startsWith('deflection: ') && !PRIVATE_CUES.has(c.cue.slice('deflection: '.length))) ? 'answer' : reply.kind;
  if (reply.kind === 'auto_reply' && reply.cues.some((c) => REACHABILITY_CUES.some((name) => c.cue.endsWith(`: ${name}`)))) return 'answer';
  return reply.kind;
}
