/**
 * Classifies a brand's reply to a customer: `answer`, `request_info`, `auto_reply` or `deflection`.
 *
 * Only an `answer` closes an unanswered thread (classifiers/unanswered.ts). The distinction that matters is
 * who holds the ball afterwards:
 * - `auto_reply`: a canned acknowledgement or a holding reply that promises an answer for later ("Wir melden
 *   uns schnellstmöglich", "we are experiencing high volumes", "Wir kümmern uns darum", "we're looking into
 *   it", "an die Fachabteilung weitergeleitet"); nobody has answered yet, the brand still owes an answer.
 * - `deflection`: the customer is sent to another channel and must start over there (hotline, 0800 number,
 *   callback service, chat, e-mail address, contact form, help centre, store, a bare "please DM us"): seed
 *   000's channel ping-pong. Also a case moved to private messages ("We've sent you a DM", "Wir haben dir eine PN
 *   geschickt"), in both languages: the public complaint stays unanswered and the tool cannot read DMs
 *   (classifiers/reply-cues-elsewhere.ts). A promise to write privately later ("We'll DM you shortly") holds.
 * - `request_info`: the brand engaged and asks for something (order number, device, "DM us your details so we
 *   can look into this"); the customer holds the ball.
 * - `answer`: everything else a brand writes to a customer (explanation, fix, link, apology with substance).
 *
 * Holding phrases and redirects decide only when the reply says nothing else (classifiers/reply-substance.ts):
 * "Das tut uns leid, wir kümmern uns darum" is an auto-reply, "Das tut uns leid! Die Erstattung ist heute
 * rausgegangen" an answer; "Schreib uns im Chat!" is a deflection, "Der Techniker kommt morgen um 8. Bei Fragen
 * erreichst du uns im Chat." an answer. Only machine wording ("automatisch erstellt", "outside business hours")
 * makes an auto-reply whatever follows.
 *
 * Cue-based, pure and fast: a few dozen precompiled regular expressions, no allocation beyond the cues.
 * Language detection is unreliable on short replies, and they mix languages (English ticket signatures under
 * German text), so a language's cues are tried whenever the reply has words of that language; cues of the
 * language not detected weigh a little less, which only matters when kinds tie.
 */
import type { Cue, Lang, ReplyKind } from '../src/model.ts';
import { ASKS, DM_CUES, DM_PROMISE_CUES, REPLY_PATTERNS } from './reply-cues.ts';
import { hasSubstance, isBareLink, isCourtesyOnly, withoutAddressedNames } from './reply-substance.ts';

// Function words only one of the two languages has (run on lower-cased text, so no `u` flag: `\b` next to ASCII).
const GERMAN = /[äöüß]|\b(?:wir|uns|du|dich|dir|sie|ihnen|ihr|der|die|das|und|ist|bitte|nicht|mit|ein|eine|dein|deine|gerne?|schreib|ruf)\b/;
const ENGLISH = /\b(?:we|us|you|your|the|and|is|are|please|to|our|it|this|sorry|thanks?|hi|hey)\b/;

export interface ReplyClassification {
  kind: ReplyKind;
  cues: Cue[];
}

/** Classifies a brand account's post in reply to a customer. Pure and synchronous. */
export function classifyReply(text: string, lang: Lang): ReplyClassification {
  const score: Record<ReplyKind, number> = { answer: 0, request_info: 0, auto_reply: 0, deflection: 0 };
  const cues: Cue[] = [];
  let dmOnly = 0;
  let dmPromised = false;
  let canned = 0;
  const hay = text.toLowerCase();
  // A handful of characters (e.g. "İ") grow when lower-cased; spans would then be off, so leave them out.
  const spans = hay.length === text.length;
  // Each language's cues run only when the reply has words of that language (both when it has neither): most
  // replies are in one language, and skipping the other's patterns halves the time. The words decide, not
  // `lang`, which is unreliable on short replies; a German reply under an English greeting has both.
  const german = GERMAN.test(hay);
  const english = ENGLISH.test(hay);
  const tried = { de: german || !english, en: english || !german };
  // The non-answer cues found: what the substance check blanks out (answer cues are substance themselves).
  const accounted: RegExp[] = [];
  const redirects: RegExp[] = [];
  let asks: boolean | undefined;
  for (const pat of REPLY_PATTERNS) {
    if (pat.lang !== 'any' && !tried[pat.lang]) continue;
    if (pat.needs !== undefined && !hay.includes(pat.needs)) continue;
    if (pat.askOnly === true && !(asks ??= ASKS.test(hay))) continue;
    const m = pat.re.exec(hay);
    if (!m) continue;
    const weight = pat.lang === 'any' || lang === 'other' || pat.lang === lang ? pat.weight : pat.weight * 0.8;
    const start = m.index;
    cues.push({ cue: `${pat.kind}: ${pat.cue}`, weight, ...(spans ? { span: [start, start + m[0].length] as [number, number] } : {}) });
    if (DM_CUES.has(pat.cue)) dmOnly += weight;
    else score[pat.kind] += weight;
    if (DM_PROMISE_CUES.has(pat.cue)) dmPromised = true;
    if (pat.canned) canned += weight;
    if (pat.kind === 'deflection' && pat.phraseOnly !== true) redirects.push(pat.everywhere);
    else if (pat.kind !== 'answer') accounted.push(pat.everywhere);
  }
  const holding = score.auto_reply - canned;
  // A redirect or a holding phrase decides the kind only when the reply says nothing else. An answer cue
  // settles that at once; otherwise what is left besides cues and courtesy is looked at, once and only when
  // needed. The "help link" cue alone is no answer: redirects usually carry one (the chat URL).
  let substance: boolean | undefined;
  let plain: string | undefined;
  const withoutNames = (): string => (plain ??= withoutAddressedNames(text, hay));
  const substantive = (): boolean => (substance ??= score.answer > 1 || hasSubstance(withoutNames(), accounted, redirects));
  let kind: ReplyKind;
  if (canned >= 2.5 && score.auto_reply >= score.answer) kind = 'auto_reply';
  else if (score.deflection >= 2 && score.deflection >= score.request_info && score.deflection >= holding && !substantive()) kind = 'deflection';
  // Half a point of margin: "Are you on BA8733? If so, the new departure time is 15:30" answers first and asks second.
  else if (score.request_info >= 2 && score.request_info > score.answer + 0.5) kind = 'request_info';
  // "A member of our team will reply via DM" promises the answer in private and holds; "Please DM us, we'll get
  // back to you" asks the customer to move first and redirects.
  else if (dmOnly > 0 && score.request_info < 2 && !(dmPromised && !(asks ??= ASKS.test(hay))) && !substantive()) kind = 'deflection';
  // "Wir kümmern uns darum", "we're looking into it": an answer is promised, none given; the clock keeps running.
  else if (holding >= 2 && !substantive()) kind = 'auto_reply';
  else if (score.deflection >= 2 && score.request_info < 2 && !substantive()) kind = 'deflection';
  // "Sorry to hear that!", "Das tut uns leid 😔": sympathy, and nothing the customer can act on yet.
  else if (score.answer === 0 && isCourtesyOnly(withoutNames())) {
    kind = 'auto_reply';
    cues.push({ cue: 'auto_reply: nur Höflichkeit, keine Antwort / courtesy only, no answer', weight: 1 });
  } else if (score.answer <= 1 && isBareLink(withoutNames())) {
    // A bare policy link (only the "help link" cue, if any, fired): the customer is sent off to read.
    kind = 'deflection';
    cues.push({ cue: 'deflection: nur ein Link / bare link', weight: 1 });
  } else kind = 'answer';
  cues.sort((a, b) => b.weight - a.weight);
  return { kind, cues };
}
