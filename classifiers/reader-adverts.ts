/**
 * Spam and adverts commenters post to a page's readers: "💰💰 Verdiene 5000€ im Monat von zuhause!! Schreib mir eine PN
 * 👉 bit.ly/rich-fast", "Earn $500 a day from home, DM me". They ask nothing of the brand, and their "PN" or "DM" is
 * no message sent to it (QA round 11: one waited under a utility's page post, named in its alert). A pitch of money
 * alone may be a customer's own figures ("I earn 2000 € a month and you charged me twice"), and "DM me" alone is a
 * customer asking the brand to write; only both together, or the pitch with a link, are an advert. The tracker also
 * asks that the post is no complaint and the cue model finds no criticism in it (unanswered-cues.ts).
 */
import { wordsRe } from './whole-words.ts';

const MONEY = String.raw`(?:[$£€]\s?\d[\d.,]*k?|\d[\d.,]*\s?k?\s?(?:€|euro|eur|\$|£|dollars?|pounds?))`;
const PERIOD = String.raw`(?:im|pro|am|die|in\s+der|a|an|per|every|each|\/)\s*(?:monat|woche|tag|stunde|month|week|day|hour|h)`;

/** Money promised to the reader, or the words such offers are made of. */
const PITCH = wordsRe(
  [
    String.raw`(?:verdien\p{L}*|earn\p{L}*|make|making)\s+(?:(?:bis\s+zu|up\s+to|über|over|mindestens|at\s+least)\s+)?${MONEY}`,
    String.raw`${MONEY}\s+${PERIOD}`,
    String.raw`von\s+zu\s*hause(?:\s+aus)?\s+(?:arbeiten|verdienen|geld)|(?:geld|verdienen|nebenverdienst)\s+von\s+zu\s*hause`,
    String.raw`work(?:ing)?\s+from\s+home|passives?\s+einkommen|passive\s+income|finanzielle\s+freiheit|financial\s+freedom`,
    String.raw`krypto\p{L}*|crypto\p{L}*|bitcoin|forex|trading-?signale|trading\s+signals`,
  ].join('|'),
);

/** The reader is to contact the writer, or follow a link. */
const CONTACT_ME = wordsRe(
  [
    String.raw`schreib\p{L}*\s+(?:mir|mich\s+an)|meld\p{L}*\s+(?:dich|euch)\s+(?:gerne\s+)?bei\s+mir|kontaktier\p{L}*\s+mich|frag\p{L}*\s+mich`,
    String.raw`(?:dm|pm|inbox|message|text|whatsapp|contact)\s+me|(?:link|info|infos)\s+in\s+(?:my|meiner)\s+bio`,
  ].join('|'),
);
const LINK = /(?:https?:\/\/|\b(?:bit\.ly|tinyurl\.com|t\.me|wa\.me|linktr\.ee)\/)\S+/iu;

/** Whether a comment pitches money to the readers and asks them to get in touch or follow a link. */
export function advertisesToReaders(text: string): boolean {
  return PITCH.test(text) && (CONTACT_ME.test(text) || LINK.test(text));
}
