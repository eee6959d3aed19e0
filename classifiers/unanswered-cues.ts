/**
 * Customer-side cues for the unanswered tracker: does a message expect an answer at all, does it chase the
 * brand ("immer noch keine Antwort") or report a failure that happened again ("schon wieder kein Netz"), and is
 * it addressed to a brand (handle, brand space, thread with the brand).
 */
import { wordsRe } from './whole-words.ts';
import { ownText } from './quote-tweet.ts';
import type { Brand, Classified } from '../src/model.ts';
import { askedQuestion } from './asked-question.ts';
import { analyseCues, CHURN_LABELS, type CueAnalysis } from './cues.ts';
import { detectIntents } from './intents.ts';
import { advertisesToReaders } from './reader-adverts.ts';
import { prepare } from './text.ts';
import { exoneratesBrand, gratitudeWithoutItsObjects, saysOwnMistake, saysSolved } from './unanswered-closing-cues.ts';
import { addressesSomeoneElse, agreesWithFellow, asksTheCrowd, besidesCrowdInfoQuestion, opensWithOthersHandle, speaksForBrand, thanksSomeoneByName, type ThreadContext } from './unanswered-context.ts';

/** Up to three words between two parts of a phrase, none ending a clause ("frage ist, warum schon wieder" is two). */
const GAP = '(?:[^\\s.,;:!?]+\\s+){0,3}';

// Words that close a conversation from the customer's side ("Danke, hat sich erledigt", "problem solved",
// "thank you for the answer!!") or praise the service ("Ganz großes Lob an euren Kundenservice"). Sarcasm uses
// the same words ("Danke für nix", "Great job, 3 hours on hold"), so they close only what the cue model finds no
// failure, criticism or irony in (isClosing).
const CLOSING = wordsRe(
  'danke(?:sch(?:ö|oe)n)?|(?:vielen|herzlichen|besten|tausend)(?:\\s+lieben)?\\s+dank|merci|thanks?|thank\\s+you|thx|ty|cheers|brilliant|perfect|great|awesome|lob|super\\s+geholfen|toll\\s+gemacht|klasse|great\\s+job|well\\s+done|kudos',
);
const STILL_OPEN = /\?|\b(?:aber|but|still|immer\s+noch|noch\s+immer|nicht|nichts|kein(?:e|en)?|not|no|never)\b/iu;
/** "Never mind" takes a request back (SOLVED knows it); its "never" leaves nothing open (QA9: it kept a customer waiting). */
const NEVER_MIND = /\bnever\s*mind\b/giu;
const leavesOpen = (bare: string): boolean => STILL_OPEN.test(bare.replace(NEVER_MIND, ' '));
const HANDLES_URLS_EMOJI = /@\w+|https?:\/\/\S+|[\p{Extended_Pictographic}\u{FE0F}]/gu;
/** Closing messages are short; a long message that also says thanks usually carries a new problem. */
const CLOSING_MAX_WORDS = 15;
/**
 * A note that says the matter is solved may also say what it was ("All sorted over DM, it was a premium SMS charge and
 * it's been refunded. Thanks Jess!", 16 words; "Hat sich erledigt, war ein Fehler bei der Abbuchung …", 19): QA9 left
 * both customers waiting. Up to this length it still closes, if the cue model finds at most the one failure it
 * explains (below SOLVED_LONG_MAX_FAILURE) and nothing asks for the fix still to come ("get this sorted").
 */
const SOLVED_MAX_WORDS = 25;
const SOLVED_LONG_MAX_FAILURE = 1.5;
const STILL_TO_FIX = wordsRe('(?:get|need|want|have)\\s+(?:this|it|that|everything)\\s+(?:sorted|fixed|resolved|solved)|bitte\\s+(?:klären|lösen|beheben)');

// Asks or wants something: praise around it does not make it a message the brand may leave unanswered
// ("Tolle App! Wann kommt sie fürs iPad?", "Super Service, ich möchte noch einen Vertrag"). WANTS also keeps a
// short note from closing ("Great service so far, I'd like to add a second line"); "help" does not, being the
// commonest word thanked for ("Danke für die schnelle Hilfe").
const WANTS_SOURCE =
  'bitte|please|pls|plz|können\\s+sie|könnt\\s+ihr|kannst\\s+du|can\\s+you|could\\s+you|möchte|hätte\\s+gerne?|würde\\s+gerne?|brauche|benötige|i(?:\'|’)?d\\s+like|i\\s+would\\s+like|i\\s+want|i\\s+need';
const WANTS = wordsRe(WANTS_SOURCE);
const REQUEST = wordsRe(`${WANTS_SOURCE}|hilfe|help|wann|warum|wieso|why|when`);

/**
 * Least praise evidence (cue model, classifiers/cues-de.ts / cues-en.ts) that makes a short post praise: one praise
 * cue ("richtig gut", "tolle Crew", "best service") is 0.7; a bare "danke" (0.6) is not enough, because "Ich möchte
 * meinen Vertrag ändern. Danke" asks for something the request words may not catch. A longer post needs two praise
 * cues (as the composite model asks of German praise, composite.ts): there one praise word beside content the cues
 * cannot read is as often sarcasm ("My apps stop working without warning and my phone freezes every five minutes!
 * Love the new update!!!!", twcs 119326).
 */
const PRAISE_MIN = 0.7;
const PRAISE_MIN_LONG = 1.2;

/**
 * Criticism the cue model finds beside praise words that makes them sarcasm or a polite problem report: any
 * failure ("seit 3 Wochen ohne Internet", "on hold"), an irony marker ("Danke für nix", "Na toll"), or a clear
 * negative word. 0.6 is one such word ("schlecht", 🙄); "!!" (0.35) or "problem" (0.3, "problem solved") alone are
 * not, the same line at which the cue model itself reads praise beside criticism as irony (cues.ts).
 */
function criticised(e: CueAnalysis['evidence']): boolean {
  return e.irony || e.failure > 0 || e.negative >= 0.6;
}

// A customer chasing the brand: they say they already wrote, called or asked, or that no answer came. Only this
// is a follow-up in a thread's first message; "schon wieder"/"again" there is a failure that happened again
// (REPEAT_FAILURE), not a repeated contact (QA defect 7: "my internet is down again" counted as chasing).
const CONTACT_DE =
  'schreibe|schreib|geschrieben|frage|gefragt|nachgefragt|melde|gemeldet|rufe|angerufen|wende|kontaktiere|kontaktiert|gemailt|reklamiert|angefragt|poste|getwittert|anfrage|nachfrage';
const CONTACT_EN =
  "ask|asking|asked|write|writing|wrote|written|message|messaging|messaged|tweet|tweeting|tweeted|contact|contacting|contacted|email|emailing|emailed|e-mailed|dm|dming|dm(?:'|’)?d|dmed|call|calling|called|reaching\\s+out|reached\\s+out|complained|reported";
const REPEAT_DE =
  'zum\\s+(?:zweiten|dritten|vierten|fünften|x-ten|n-ten|zigsten|wiederholten|\\d+\\.?)\\s+mal|erneut|nochmal|noch\\s+einmal|schon\\s+wieder|mal\\s+wieder|wieder\\s+mal|wieder\\s+einmal';
const ALREADY_DE = 'schon|bereits|mehrfach|mehrmals|zigmal|x-mal|(?:\\d+|zwei|drei|vier|fünf)\\s*(?:x|mal)|zweimal|dreimal|viermal';
/** Participles only after "schon"/"bereits": "habe schon angerufen", but not "bin schon lange Kunde und frage mich". */
const CONTACTED_DE = 'geschrieben|gefragt|nachgefragt|gemeldet|angerufen|kontaktiert|gemailt|reklamiert|angefragt|getwittert|gesagt|erwähnt';
/** Past participles only after "I've"/"already": "I have called", but not "I have call waiting". */
const CONTACTED_EN =
  "asked|written|wrote|messaged|tweeted|contacted|emailed|e-mailed|dm(?:'|’)?d|dmed|called|reached\\s+out|complained|reported|been\\s+in\\s+touch|tried\\s+(?:calling|contacting|reaching)";
const ORDINAL_EN = '(?:second|2nd|third|3rd|fourth|4th|fifth|5th|\\d+th|nth|umpteenth)';
const NUDGE = wordsRe(
  [
    // German: no answer came
    '(?:keine|keinerlei|null)\\s+(?:antwort|reaktion|rückmeldung|rückruf|lebenszeichen)',
    '(?:immer|noch)\\s+(?:noch|immer)\\s+nichts\\s+(?:gehört|von\\s+(?:euch|ihnen|dir))',
    '(?:niemand|keiner)\\s+(?:meldet\\s+sich|antwortet|reagiert|ruft\\s+(?:mich\\s+)?zurück)',
    // Perfect tense, either word order: "Bis heute hat sich niemand gemeldet", "keiner hat zurückgerufen".
    '(?:hat|haben)\\s+(?:sich\\s+)?(?:bis\\s+(?:heute|jetzt)\\s+|immer\\s+noch\\s+|noch\\s+)?(?:niemand|keiner|keine\\s+sau)\\s+(?:\\S+\\s+){0,2}?(?:gemeldet|geantwortet|reagiert|zurückgerufen|angerufen)',
    '(?:niemand|keiner)\\s+hat\\s+(?:sich\\s+)?(?:\\S+\\s+){0,3}?(?:gemeldet|geantwortet|reagiert|zurückgerufen)',
    'nicht\\s+(?:geantwortet|zurückgerufen)',
    'wart\\w*\\s+(?:\\S+\\s+)?(?:immer\\s+noch|noch\\s+immer)',
    `wart\\w*\\s+${GAP}(?:auf\\s+)?(?:eine\\s+|eure\\s+|ihre\\s+|deine\\s+)?(?:antwort|rückmeldung|rückruf|reaktion)`,
    // German: the customer wrote, called or asked before
    `(?:${CONTACT_DE})\\s+${GAP}(?:${REPEAT_DE})`,
    `(?:${REPEAT_DE})\\s+${GAP}(?:${CONTACT_DE}|${CONTACTED_DE})`,
    // A bare "wieder" only before a participle: "habe wieder angerufen", not "ich melde mich wieder, falls …".
    `(?:${ALREADY_DE}|wieder)\\s+${GAP}(?:${CONTACTED_DE})`,
    'erneute[nr]?\\s+(?:meldung|anfrage|nachfrage|nachricht|mail|e-mail|beschwerde|reklamation)',
    'hake\\s+(?:\\S+\\s+)?nach',
    '(?:meine[rn]?|unsere[rn]?)\\s+(?:letzten|vorherigen|früheren|ersten)\\s+(?:nachricht|mail|e-mail|anfrage|tweet|dm|pn)',
    // English: no answer came
    'still\\s+waiting',
    'still\\s+(?:no|not\\s+(?:a|any))\\s+(?:reply|response|answer|word|update|news|call\\s*back|feedback)',
    "(?:still\\s+)?(?:haven(?:'|’)?t|have\\s+not|hasn(?:'|’)?t|has\\s+not|never|didn(?:'|’)?t)\\s+(?:heard\\s+(?:back|from)|replied|responded|answered|got(?:ten)?\\s+(?:back|a\\s+(?:reply|response|answer))|called\\s+(?:me\\s+)?back)",
    '(?:no|zero|not\\s+a\\s+single|not\\s+one)\\s+(?:reply|response|answer|call\\s*back|word\\s+(?:back|from))',
    // "Nobody has replied to me", "no one has got back": the perfect too (QA7: a chaser with it opened a second case).
    '(?:nobody|no\\s+one|noone)\\s+(?:has\\s+|have\\s+)?(?:replied|replies|responds|responded|answers|answered|got\\s+back|gets\\s+back|called\\s+back|been\\s+in\\s+touch)',
    // "still nothing on my parcel", "still nothing." — not "still nothing works", a failure.
    'still\\s+nothing(?=\\s*(?:[.!?,;]|$|(?:on|about|from|yet|back|heard)\\b))',
    'no\\s+(?:answer|reply|response)\\s+(?:yet|still)',
    'any\\s+updates?|(?:is\\s+there|got)\\s+an\\s+update',
    // English: the customer wrote, called or asked before
    `${ORDINAL_EN}\\s+time\\s+(?:(?:that\\s+)?(?:i(?:'|’)?m|i\\s+am|i(?:'|’)?ve|i\\s+have|i)\\s+(?:been\\s+)?)?(?:${CONTACT_EN})`,
    `(?:${CONTACT_EN})\\s+(?:you\\s+|u\\s+|this\\s+)?(?:again|once\\s+more|twice|(?:for\\s+the\\s+)?${ORDINAL_EN}\\s+time|(?:three|four|five|several|multiple|many|\\d+)\\s+times)`,
    `(?:i(?:'|’)?ve|i\\s+have|i\\s+had|we(?:'|’)?ve|we\\s+have|we\\s+had|already)\\s+(?:already\\s+)?(?:${CONTACTED_EN})`,
    'following\\s+up|follow(?:ing)?[-\\s]up\\s+on|chasing\\s+(?:this|up|my)',
    // "DMed you 40 min ago, nothing back" (QA round 3): when they wrote says they wrote before.
    "(?:dm(?:'|’)?e?d|messaged|emailed|e-mailed|wrote\\s+to|called|rang|tweeted)\\s+(?:you|u|y(?:'|’)?all)\\b(?:\\s+\\S+){0,4}?\\s+(?:ago|yesterday|earlier|this\\s+morning|last\\s+(?:week|night))",
    '(?:habe|hab|hatte)\\s+(?:euch|ihnen|dir)\\s+(?:\\S+\\s+){0,4}?(?:geschrieben|gemailt|angerufen|eine\\s+dm\\s+geschickt)',
    '(?:my|our)\\s+(?:previous|earlier|last|first)\\s+(?:tweet|message|dm|email|post|request|complaint)',
    // Both
    '(?:hallo|hello|hi)\\s*\\?{2,}',
  ].join('|'),
);

// A failure that happened again. In a thread's first message it says nothing about earlier contact with the brand.
const REPEAT_FAILURE = wordsRe(`${REPEAT_DE}|again|once\\s+more|${ORDINAL_EN}\\s+time`);

/** The cue model's evidence for a customer post (the classifier keeps only the score and the cue list). */
function cueEvidence(m: Classified): CueAnalysis['evidence'] {
  return partEvidence(m.text, m.lang);
}

/** The cue model's evidence for part of a post (what stands beside a crowd question, a thank-you without its object). */
function partEvidence(text: string, lang: Classified['lang']): CueAnalysis['evidence'] {
  return analyseCues(prepare(text), lang).evidence;
}

/** Whether an explained cue ("cancel / switch „switching to“") is one of leaving the company (cues.ts CHURN_LABELS). */
function isChurnCue(cue: string): boolean {
  const quote = cue.indexOf(' „');
  return quote > 0 && CHURN_LABELS.has(cue.slice(0, quote));
}

/**
 * Whether the words beside a crowd question criticise the brand, its churn cues set aside: weighing a switch ("Thinking
 * of switching to them", QA round 12: a prospect asking about exit fees) is no failure reported to the brand; a failure
 * beside it still is.
 */
function criticisedBesidesChurn(text: string, lang: Classified['lang']): boolean {
  const { evidence, cues } = analyseCues(prepare(text), lang);
  const churn = cues.reduce((sum, c) => (isChurnCue(c.cue) ? sum + c.weight : sum), 0);
  return criticised({ ...evidence, failure: evidence.failure - churn });
}

/** Short, with nothing left open and nothing wanted: only such a note can close a matter. */
function mayClose(bare: string, words: number): boolean {
  return words <= CLOSING_MAX_WORDS && !leavesOpen(bare) && !WANTS.test(bare);
}

/**
 * A solved note that explains what it was, longer than a plain closing note (SOLVED_MAX_WORDS): nothing left open or
 * wanted, and no more failure evidence than the one explained. Counted only when it says the matter is solved.
 */
function mayCloseExplained(bare: string, words: number, evidence: () => CueAnalysis['evidence']): boolean {
  if (words <= CLOSING_MAX_WORDS || words > SOLVED_MAX_WORDS || leavesOpen(bare) || WANTS.test(bare) || STILL_TO_FIX.test(bare)) return false;
  if (!saysSolved(bare)) return false;
  const e = evidence();
  return !e.irony && e.failure < SOLVED_LONG_MAX_FAILURE && e.negative < 0.6;
}

const bareText = (text: string): string => text.replace(HANDLES_URLS_EMOJI, ' ');
const wordCount = (bare: string): number => bare.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/**
 * Whether the customer says their matter is over ("Hat sich erledigt, ging nach dem Passwort-Reset wieder. Danke!",
 * "nvm, found it in the app, thanks!"): a short closing note that reports it solved, not ironically. Plain thanks do
 * not (a customer thanking for a holding reply still waits); "Danke, aber …" / "thanks but still broken" do not.
 */
export function reportsSolved(m: Classified): boolean {
  const bare = gratitudeWithoutItsObjects(bareText(m.text));
  const words = wordCount(bare);
  const cues = (): CueAnalysis['evidence'] => cueEvidence(m);
  return (mayClose(bare, words) && settles(bare, cues)) || mayCloseExplained(bare, words, cues);
}

/**
 * Whether a short note ends the matter: it reports it solved ("alles geklärt", "kam jetzt doch", "Strom ist wieder
 * da"), not ironically, or takes it back as the writer's own mistake ("my bad", "lag an mir") with no criticism beside.
 */
function settles(bare: string, evidence: () => CueAnalysis['evidence']): boolean {
  if (saysSolved(bare)) return !evidence().irony;
  return saysOwnMistake(bare) && !criticised(evidence());
}

/**
 * Whether the cue model reads the post as praise with no criticism beside it ("Glückwunsch! Bin seit 20 Jahren Kundin
 * und immer zufrieden"), whatever the complaint flag says.
 */
export function readsAsPraise(m: Classified): boolean {
  const e = cueEvidence(m);
  return !criticised(e) && e.positive >= PRAISE_MIN;
}

/**
 * A thank-you or closing note: short, with closing words, nothing left open, and none of the cue model's
 * criticism beside them. A note that says the matter is resolved closes despite problem words (what was fixed),
 * unless it is ironic; without that, a post the classifier flags as a complaint is not closed by its praise words
 * alone: sarcasm the cue lists do not know still reads as a complaint to the learned model.
 */
function isClosing(m: Classified, bare: string, evidence: () => CueAnalysis['evidence']): boolean {
  // "thanks for the quick refund", "kann man euch nichts vorwerfen", "thanks I think?": read without what they thank
  // for, the brand's exoneration and the hedge, whose words are no failure, blame or question.
  const plain = gratitudeWithoutItsObjects(bare);
  const cues = plain === bare ? evidence : () => partEvidence(plain, m.lang);
  const words = wordCount(plain);
  if (mayCloseExplained(plain, words, cues)) return true;
  if (!mayClose(plain, words)) return false;
  if (settles(plain, cues)) return true;
  if (!CLOSING.test(plain)) return false;
  // The learned model reads the blame words of "nichts vorwerfen" or the refund thanked for as a complaint.
  return !criticised(cues()) && (!m.complaint.isComplaint || plain !== bare || exoneratesBrand(bare));
}

/**
 * Whether a waiting customer thanks another person, not the brand: "@kai danke, gefunden!", "@ruth oh nice, thanks!",
 * on a Facebook page "Super, danke Ursula!". The tracker takes it as the crowd having answered them when the brand
 * has said nothing to them (unanswered.ts): a thank-you to the brand's agent by name follows the brand's reply.
 */
export function thanksAnotherPerson(m: Classified, context: ThreadContext): boolean {
  const bare = bareText(m.text);
  if (!isClosing(m, bare, () => cueEvidence(m))) return false;
  return opensWithOthersHandle(ownText(m.text), context) || (context.tagsAreNames === true && thanksSomeoneByName(bare, context));
}

/** Whether a post asks for a fact, a way or a decision, not rhetorically ("Is the drop-off zone still free?"). */
export function asksSomething(text: string): boolean {
  return askedQuestion(prepare(text)) !== undefined;
}

/**
 * Whether a customer's waiting posts are a question others can answer: one asks something, and the cue model finds no
 * failure or criticism in any of them. The learned model flags some plain questions as complaints ("Is the drop-off
 * zone at Gatwick North still free?", 0.54 for "off"; QA round 11: the asker's thanks to the customer who answered
 * then settled nothing).
 */
export function isPlainQuestion(texts: readonly string[], lang: Classified['lang']): boolean {
  return texts.some(asksSomething) && texts.every((text) => !criticised(partEvidence(text, lang)));
}

/**
 * Praise that asks for nothing ("Ich liebe euch, bester Service ever!", "Mega Flug, tolle Crew"): praise cues
 * and no criticism. Read from the cue model as well as the sentiment label, because the German sentiment head
 * learned one railway's talk and almost never says positive (QA defect 4: a launch's congratulations opened 57 SLA
 * alerts).
 */
function isPraise(m: Classified, words: number, e: CueAnalysis['evidence']): boolean {
  if (criticised(e)) return false;
  return m.sentiment.label === 'positive' || e.positive >= (words <= CLOSING_MAX_WORDS ? PRAISE_MIN : PRAISE_MIN_LONG);
}

/**
 * Whether a customer message expects an answer. Addressed messages do by default (social-care teams answer
 * what is addressed to them), except retweets, thank-you/closing notes, praise that asks for nothing, comments to
 * another person or questions to the crowd, and, under the brand's giveaway post, entries (`context`, see
 * unanswered-context.ts).
 * Sarcasm ("Na toll, schon wieder Netzausfall. Danke für nix", "Great job, 3 hours on hold") is a complaint.
 */
export function expectsAnswer(m: Classified, context: ThreadContext = {}): boolean {
  // A reshare, "RT @author: …" or, when the file did not name the original's author, "RT: …" (ingestors/reshares.ts).
  if (/^\s*RT(?:\s+@|:)/u.test(m.text)) return false;
  const bare = bareText(m.text);
  const words = wordCount(bare);
  if (words === 0) return false;
  // Computed once, and only for posts that may close or praise: most addressed posts are settled before.
  let evidence: CueAnalysis['evidence'] | undefined;
  const cues = (): CueAnalysis['evidence'] => (evidence ??= cueEvidence(m));
  // Before the complaint flag: "problem solved" carries complaint words, yet closes the matter.
  if (isClosing(m, bare, cues)) return false;
  // A member of staff on a private account ("I work at Forkly, I've passed this on") is the brand's side.
  if (speaksForBrand(bare, context)) return false;
  // Spam to the readers ("Verdiene 5000€ im Monat von zuhause!! Schreib mir eine PN") asks nothing of the brand; a
  // complaint that names the writer's income and asks for a DM is no spam.
  if (advertisesToReaders(m.text) && !m.complaint.isComplaint && !criticised(cues())) return false;
  // Before the complaint flag too: the learned model reads a friend tag ("Tom Weber wär das nicht was für deine neue
  // Bude?", 0.53) or a giveaway entry ("Nach Sylt, wie jedes Jahr", 0.51) as a complaint about as often as not.
  if (addressesSomeoneElse(ownText(m.text), context, () => criticised(cues()))) return false;
  // Under the brand's giveaway post a comment is an entry unless it complains (the cue model finds the failure, as in
  // "Statt Gewinnspiele zu machen solltet ihr lieber mal meinen Schaden bearbeiten") or asks the brand something.
  if (context.underGiveaway) return (m.complaint.isComplaint && criticised(cues())) || (bare.includes('?') && !asksTheCrowd(bare, context));
  // Before the complaint flag: "Weiß wer, ob es in X auch einen Ausfall gibt?" asks the readers about a failure and
  // reports none to the brand; what stands beside the question may still do ("… Bei uns seit Montag kein Strom!").
  const besides = besidesCrowdInfoQuestion(bare, context);
  if (besides !== undefined && (wordCount(besides) === 0 || !criticisedBesidesChurn(besides, m.lang))) return false;
  // "Same here in Ancoats" under another customer's comment joins their matter, unless it asks something of its own.
  if (agreesWithFellow(bare, context) && !bare.includes('?') && !REQUEST.test(bare)) return false;
  // A reply to a comment that waits for no brand answer (a friend tag, a crowd question) is that conversation ("Jo,
  // leider", "Rechts oben, unter der Adresse") unless it asks something or reports a failure of its own.
  if (context.repliesToConversation === true && !bare.includes('?') && !REQUEST.test(bare) && cues().failure === 0 && !cues().irony) return false;
  if (m.complaint.isComplaint) return true;
  if (asksTheCrowd(bare, context)) return false;
  if (GIVEAWAY_ENTRY.test(m.text) && !bare.includes('?')) return false;
  // On the text without handles and links: "@AcmeHelp" asks for no help, a link's "?a=1" is no question.
  // Help thanked for is none asked for: "danke für die Hilfe beim Umzug" (gratitudeWithoutItsObjects).
  if (REQUEST.test(gratitudeWithoutItsObjects(bare)) || bare.includes('?') || m.intents.includes('question')) return true;
  // After the request check, before the topic intents: "Lieferung kam einen Tag früher, super!" names a delivery
  // (intent) but asks nothing about it.
  if (isPraise(m, words, cues())) return false;
  if (context.onPagePost === true && talksAboutThePost(m, bare, cues())) return false;
  return true;
}

/**
 * A customer's own case: named by its number ("Ref 551902", "Auftrag #20931"), their waiting, a message they sent or
 * ask the brand to read ("Sent you a DM", "Schaut mal in eure Mails"), something of theirs the brand provides ("my
 * contract", "mein Router"), or something happening to them ("bei mir", "for me").
 */
const OWN_CASE = new RegExp(
  [
    String.raw`\d{5,}|#\d{3,}`,
    String.raw`(?<![\p{L}])(?:warte|warten|wartet|waiting|wait|dm|pn|inbox|postfach|direct message|private message)(?![\p{L}])`,
    String.raw`(?<![\p{L}])(?:e-?mails?|mails?|nachricht|message)(?![\p{L}])`,
    String.raw`(?<![\p{L}])(?:my|our|mein|meine|meinen|meinem|meiner|unser|unsere|unseren|unserem)\s+(?:[\p{L}-]+\s+)?(?:contract|vertrag|tarif|tariff|plan|account|konto|order|bestellung|lieferung|delivery|parcel|paket|bill|rechnung|router|anschluss|connection|sim|number|nummer|card|karte|booking|buchung|flight|flug|ticket|claim|antrag|schaden|meter|zähler|app|phone|handy|abo|subscription)(?![\p{L}])`,
    String.raw`(?<![\p{L}])(?:bei mir|bei uns|for me|for us|on my end)(?![\p{L}])`,
  ].join('|'),
  'iu',
);

/**
 * A comment under the brand's own post that asks, wants and chases nothing, criticises nothing (cues and sentiment) and
 * names no case of the writer's (no intent topic such as a parcel, a bill or a contract, no reference number, no
 * waiting): "Applied! Fingers crossed 🤞" under a hiring post (QA9, kept waiting for the page's SLA), "Wir waren letzten
 * Sommer dort". It talks about the post, as a post's readers do. A tweet or a visitor post addressed to the brand
 * keeps the default: there a plain statement ("my phone restarted twice today") is how a problem is reported.
 */
function talksAboutThePost(m: Classified, bare: string, e: CueAnalysis['evidence']): boolean {
  if (m.sentiment.label === 'negative' || criticised(e) || isNudge(m.text) || OWN_CASE.test(bare)) return false;
  return detectIntents(prepare(bare)).length === 0;
}

/**
 * An entry to the brand's giveaway ("@Lumio Mitgemacht! Daumen drücken 🤞", "Ich!! #LumioGewinnspiel", "I'd
 * love to win"): hundreds under one post, none waiting for an answer (QA firestorm round 4: 213 unanswered alerts
 * for one giveaway), its "bitte bitte" no request. A complaint or a question ("Wann wird der Gewinner gezogen?") still asks;
 * "fingers crossed" or "Daumen drücken" alone is no entry (a customer hoping a fix holds, twcs 119258).
 */
const GIVEAWAY_ENTRY =
  /#\w*(?:gewinnspiel|giveaway|verlosung|sweepstakes?|contest)\b|\b(?:gewinnspiel|verlosung|giveaway|mitgemacht|will gewinnen|w(?:ü|ue)rde gerne gewinnen|(?:i'?m )?in it to win it|pick me|hope i win|would love to win)\b/iu;

/**
 * Whether a customer message chases the brand: it says the customer already wrote, called or asked, or got no
 * answer ("immer noch keine Antwort", "ich schreibe zum dritten Mal", "no reply to my DM"). A follow-up wherever
 * it stands, even as a thread's first message.
 */
export function isNudge(text: string): boolean {
  return NUDGE.test(text);
}

/**
 * Whether a customer message reports a failure that happened again ("schon wieder kein Netz", "down again",
 * "zum dritten Mal diese Woche"). No follow-up in a thread's first message (a repeated failure, not a repeated
 * contact); the tracker may count it in a thread that already has posts.
 */
export function reportsRepeatFailure(text: string): boolean {
  return REPEAT_FAILURE.test(text);
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
  for (const match of ownText(text).matchAll(/@([\p{L}\p{N}_.-]+)/gu)) {
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

/** The @handles a post starts with, as an X reply's prefix carries them ("@kunde Hallo!", "@a @b Danke für …"). */
const REPLY_PREFIX = /^\s*(?:@[\p{L}\p{N}_.-]+[\s,]*)+/u;

/**
 * The handles of a post's reply prefix, lower-cased and without "@": only those it starts with, not the ones named
 * later in the text ("Danke! @kollege schaut sich das an" addresses no @kollege).
 */
export function replyPrefixHandles(text: string): string[] {
  const prefix = REPLY_PREFIX.exec(text)?.[0];
  return prefix === undefined ? [] : [...handlesIn(prefix)];
}
