/**
 * Customer-side cues for the unanswered tracker: does a message expect an answer at all, is it a nudge
 * ("immer noch keine Antwort"), and is it addressed to a brand (handle, brand space, thread with the brand).
 */
import type { Brand, Classified } from '../src/model.ts';

// Messages that close a conversation from the customer's side ("Danke, hat sich erledigt", "problem
// solved", "thank you for the answer!!") or praise the service ("Ganz großes Lob an euren Kundenservice"):
// they expect nothing back, so they must not open an SLA clock.
const CLOSING =
  /\b(?:danke(?:sch(?:ö|oe)n)?|vielen\s+dank|merci|hat\s+(?:sich\s+)?(?:erledigt|geklappt|funktioniert)|problem\s+gelöst|passt(?:\s+jetzt)?|thanks?|thank\s+you|thx|ty|cheers|brilliant|perfect|great|awesome|problem\s+solved|(?:all\s+)?sorted|works\s+now|working\s+(?:now|again)|solved|lob|super\s+geholfen|toll\s+gemacht|klasse|great\s+job|well\s+done|kudos)\b/iu;
const STILL_OPEN = /\?|\b(?:aber|but|still|immer\s+noch|noch\s+immer|nicht|nichts|kein(?:e|en)?|not|no|never)\b/iu;
const HANDLES_URLS_EMOJI = /@\w+|https?:\/\/\S+|[\p{Extended_Pictographic}\u{FE0F}]/gu;
/** Closing messages are short; a long message that also says thanks usually carries a new problem. */
const CLOSING_MAX_WORDS = 15;

// A customer chasing the brand: these raise a thread's priority (seed 000: "Erneute Meldung ... als auch
// dann nichts passierte").
const NUDGE =
  /\b(?:(?:immer|noch)\s+(?:noch|immer)\s+(?:keine?|nichts)|(?:bis\s+)?(?:heute|jetzt)\s+(?:noch\s+)?(?:keine?|nichts)\s+(?:antwort|reaktion|rückmeldung|lebenszeichen)|keine\s+(?:antwort|reaktion|rückmeldung)|warte\s+(?:immer\s+noch|seit|schon)|zum\s+(?:zweiten|dritten|x-ten|\d+\.)\s+mal|erneut|nochmal|schon\s+wieder|still\s+(?:no|nothing|waiting|haven(?:'|’)?t|not)|no\s+(?:answer|reply|response)\s+(?:yet|still)|(?:any|an)\s+update|hello\s*\?{2,}|hallo\s*\?{2,}|again|(?:2nd|second|third|3rd)\s+time|(?:i(?:'|’)?ve|have)\s+(?:been\s+waiting|asked|called|tried)\b)/iu;

const REQUEST = /\?|\b(?:bitte|please|pls|plz|hilfe|help|können\s+sie|könnt\s+ihr|kannst\s+du|can\s+you|could\s+you|wann|warum|wieso|why|when)\b/iu;

/**
 * Whether a customer message expects an answer. Addressed messages do by default (social-care teams answer
 * what is addressed to them), except retweets, thank-you/closing notes and praise that asks for nothing.
 */
export function expectsAnswer(m: Classified): boolean {
  if (/^\s*RT\s+@/u.test(m.text)) return false;
  const bare = m.text.replace(HANDLES_URLS_EMOJI, ' ');
  const words = bare.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  if (words === 0) return false;
  // Checked before the complaint flag: "problem solved" carries complaint words, yet closes the matter.
  if (words <= CLOSING_MAX_WORDS && CLOSING.test(bare) && !STILL_OPEN.test(bare)) return false;
  if (m.complaint.isComplaint || m.intents.length > 0) return true;
  return !(m.sentiment.label === 'positive' && !REQUEST.test(m.text));
}

/** Whether a customer message chases an earlier, unanswered one. */
export function isNudge(text: string): boolean {
  return NUDGE.test(text);
}

function normaliseAccount(a: string): string {
  return a.trim().replace(/^@/u, '').toLowerCase();
}

/** Lower-cased account names/ids per brand id, for author and @handle matching. */
export function accountIndex(brands: readonly Brand[]): Map<string, Set<string>> {
  return new Map(brands.map((b) => [b.id, new Set(b.accounts.map(normaliseAccount))]));
}

/** The brand a brand-account post belongs to, or undefined when the author is no configured brand account. */
export function owningBrand(m: Classified, accounts: Map<string, Set<string>>): string | undefined {
  const id = normaliseAccount(m.author.id);
  const handle = m.author.handle ? normaliseAccount(m.author.handle) : undefined;
  for (const [brand, set] of accounts) {
    if (set.has(id) || (handle !== undefined && set.has(handle))) return brand;
  }
  // The composed classifier sets replyKind only on brand authors, so either marks a brand post.
  if (!m.author.isBrand && m.replyKind === undefined) return undefined;
  // A brand post whose author we cannot map to an account: the ingestor knew; trust its brand context.
  const candidates = [...m.brandContext, ...m.brands].filter((b) => accounts.has(b));
  return candidates[0];
}

/** The @handles in a text, lower-cased (extracted once per mention, then checked against every brand). */
export function handlesIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const match of text.matchAll(/@([\p{L}\p{N}_.-]+)/gu)) {
    const h = match[1];
    if (h !== undefined) out.add(h.toLowerCase().replace(/[.-]+$/u, ''));
  }
  return out;
}

/** Whether any of the handles belongs to the brand. */
export function mentionsHandle(handles: ReadonlySet<string>, brandAccounts: Set<string> | undefined): boolean {
  if (!brandAccounts || handles.size === 0) return false;
  for (const h of handles) if (brandAccounts.has(h)) return true;
  return false;
}
