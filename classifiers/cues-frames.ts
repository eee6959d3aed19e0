/**
 * Whose trouble a post reports, and whether it happened: three frames the cue lists cannot see word by word (fresh
 * posts, set 9, tests/fixtures/complaints-fresh-9.tsv). Each takes the cue hits of one post and sets aside what the
 * frame says does not count; cues.ts applies them before it sums the evidence.
 *
 *  - Praise conceded before the complaint ("Die App ist ja schön, aber seit dem Update stürzt sie ständig ab", "Love
 *    the food, but this is the third time my order was missing items"): the praise is a concession, not the point.
 *  - Others' trouble beside the writer's own service working ("Bei mir läuft alles, nur meine Nachbarin hat seit
 *    gestern kein Netz", "Mine works fine but my sister's …"): the failure is not the writer's, so it is no complaint
 *    of the writer's. The English corpus has no post of this form; where it has a friend's failure reported without
 *    the writer's own service said to work ("My friend got permanently banned …"), it is a complaint, and stays one
 *    here, since only the explicit "mine works" frame turns it into a report about someone else.
 *  - Suppositions with "ever" ("If my parcel ever gets lost I'll …", "Falls das jemals ausfällt, …"): a case that has
 *    not happened. A vow about the writer's own future custom ("If I ever order from you again …") is not one.
 */
import type { Lang } from '../src/model.ts';
import type { Hit } from './cues-types.ts';

const isBad = (h: Hit): boolean => h.def.kind === 'failure' || h.def.kind === 'irony' || (h.def.kind === 'negative' && !h.negated);
// What the concession gives way to: a failure, irony or a criticism word, not punctuation ("?!", "??") alone.
const isComplaintWord = (h: Hit): boolean => isBad(h) && (h.def.kind !== 'negative' || h.def.weight >= 0.5);
const isPraise = (h: Hit): boolean => !h.negated && (h.def.kind === 'positive' || (h.def.kind === 'irony' && h.def.conditional === true));

// Words that turn from a concession to the complaint. "nur"/"bloß"/"only" only as a conjunction after a comma or dash
// ("…, nur kam sie kalt an"), and not before an amount ("Super Service, nur 5 Minuten gewartet").
const CONCESSION_TURN =
  /(?<![\p{L}])(?:aber|jedoch|allerdings|leider|schade|but|however|sadly|unfortunately|shame|except)(?![\p{L}])|(?<=[,;–—-]\s{0,2})(?:nur|bloß|only)(?![\p{L}])(?! (?:\d|ein|eine|einen|zwei|drei|wenige|kurz|a |one|two|three|a few))/gu;

/**
 * Only short posts: in a blog post or forum thread (cues.ts LONG_TEXT_CHARS) a "but" joins any two of its many
 * sentences, and dropping the praise before it flagged travel diaries and forum banter in GermEval.
 */
const CONCESSION_MAX_CHARS = 600;

/**
 * Praise before a turn word with a failure, criticism or irony after it is a concession, and is set aside: the learned
 * models and the praise cues read "schön", "love", "lovely" and outvoted the complaint (set 9). The other order,
 * trouble then praise with nothing wrong after it, is settled in the company's favour (cues.ts turnsPositive).
 */
export function withoutConcededPraise(hits: Hit[], lower: string): Hit[] {
  if (lower.length > CONCESSION_MAX_CHARS || !hits.some(isPraise) || !hits.some(isBad)) return hits;
  let concededBefore = -1;
  CONCESSION_TURN.lastIndex = 0;
  for (let m = CONCESSION_TURN.exec(lower); m; m = CONCESSION_TURN.exec(lower)) {
    const turn = m.index;
    if (hits.some((h) => h.start > turn && isComplaintWord(h)) && hits.some((h) => h.end <= turn && isPraise(h))) concededBefore = turn;
  }
  return concededBefore < 0 ? hits : hits.filter((h) => !(h.end <= concededBefore && isPraise(h)));
}

// The writer's own service working: "bei mir läuft alles", "unser Anschluss geht einwandfrei", "mein Paket kam pünktlich",
// "wir haben Strom"; "mine works fine", "all good on my end", "my train was fine", "our power's on". Not when a negator
// follows within three words ("bei mir funktioniert die App nicht").
const OWN_FINE: Partial<Record<Lang, RegExp>> = {
  de: /(?<![\p{L}])(?:bei (?:mir|uns) hat (?:die |der |das )?[\p{L}\p{N}-]+ alles (?:pünktlich|problemlos|reibungslos|gut|super|sauber)|bei (?:mir|uns)(?: zu ?hause| daheim| im haus| hier)? (?:läuft|geht|funktioniert|klappt|ist alles)(?![^.!?,;]{0,40}?(?<![\p{L}])(?:nicht|nichts|nix|ned|net|nöd|nie|gar|kaum|schlecht|kaputt)(?![\p{L}]))|(?:mein|meine|unser|unsere)(?: [\p{L}-]+){1,2} (?:läuft|laufen|lief|geht|gehen|ging|funktioniert|funktionieren|funktionierte|klappt|klappte|kam|kamen|ist|war|sind|waren)(?: (?:alles|es|das|noch|wieder|jetzt|heute|bisher|soweit|zum glück|wie immer|ganz)){0,3} (?:einwandfrei|problemlos|normal|pünktlich|tadellos|stabil|ohne probleme|gut|super|prima|bestens|top|wunderbar|perfekt)|wir haben (?:noch |wieder |zum glück )?(?:strom|netz|internet|empfang|wlan)(?! (?:nicht|kein|keins))|wir haben alles(?=\s*(?:[,.!;]|$)))(?![\p{L}])/u,
  en: /(?<![\p{L}'])(?:(?:mine|ours|my (?:[\p{L}]+ ){0,1}[\p{L}]+|our (?:[\p{L}]+ ){0,1}[\p{L}]+)(?:'s| is| was| works| worked| came| arrived| runs| ran| has been| is working| was working)(?: (?:absolutely|totally|perfectly|completely|just|all|still|back))? (?:fine|ok|okay|perfectly|normally|great|on time|good|working|early|on(?=\s*(?:[,.!;]|$|but |and )))|(?:all good|fine|no (?:issues|problems)|working fine|works fine) (?:on|at|for|here at) (?:my|our|me|us|mine|ours)(?: end| place)?|mine'?s (?:working )?fine)(?![\p{L}])/u,
};

// Someone other than the writer: family, neighbours, colleagues, half the street.
const OTHER_PERSON: Partial<Record<Lang, RegExp>> = {
  de: /(?<![\p{L}])(?:(?:die )?(?:ganzen|vielen) horror-?(?:geschichten|storys|stories)|(?:mein|meine|meinem|meinen|meiner|unser|unsere|unserem|unseren|unserer) (?:nachbar\p{L}*|eltern|mama|mutti|mutter|papa|vater|oma|opa|großeltern|schwester|bruder|freund\p{L}*|kolleg\p{L}*|tochter|sohn|frau|mann|partner\p{L}*|mitbewohner\p{L}*|tante|onkel|schwieger\p{L}*|kinder|cousin\p{L}*)|(?:die|der|den|dem) (?:familie|leute|nachbarn|nachbarin|nachbar|mieter\p{L}*)|(?:die|der|das) (?:halbe|ganze) (?:straße|haus|dorf|viertel|nachbarschaft|ort))(?![\p{L}])/u,
  en: /(?<![\p{L}])(?:(?:loads|lots|plenty|a lot) of (?:people|folks|users|customers)|(?:everyone|people) (?:is |are )?(?:saying|reporting|posting)|(?:my|our) (?:neighbou?rs?|sister|brother|mum|mom|mam|dad|mother|father|parents|gran|granny|grandma|grandad|grandpa|grandparents|friends?|mates?|colleagues?|coworkers?|co-workers?|partner|wife|husband|son|daughter|flatmates?|roommates?|housemates?|aunt|uncle|in-laws|kids?|boyfriend|girlfriend|boss)(?:'s)?|half the (?:street|building|block|town|village|road|estate)|(?:the )?(?:people|family|folks|neighbou?rs?) (?:next door|downstairs|upstairs|across the (?:road|street)|down the road)|the neighbou?rs)(?![\p{L}])/u,
};

// The writer glad of the company they are with while another one fails: "Never had this problem at Ironvale", "Glad I'm
// with Ironvale", "Ironvale's looking better every week", "Smug Ironvale member today", "Ironvale Headingley it is then";
// "Zum Glück bin ich bei …", "Bei … hatte ich so ein Problem nie".
const RIVAL_BETTER: Partial<Record<Lang, RegExp>> = {
  de: /(?<![\p{L}])(?:zum glück|gott sei dank|wie gut|froh|heilfroh|glücklich),? (?:dass )?(?:bin ich|sind wir|ich bin|wir sind|ich|wir) (?:(?:noch|schon|seit jahren) )?(?:bei|mit)(?![\p{L}])|(?:bei|mit) (?:[\p{L}\p{N}&-]+ ){1,2}(?:hatte ich|hab ich|habe ich|hatten wir|haben wir) (?:noch )?(?:nie|niemals|kein|keine|keinen) (?:solche |so ein |so einen |das |diese |dieses |je |jemals )?(?:problem|probleme|ärger|ausfall|ausfälle|theater|stress)|(?:noch )?(?:nie|niemals) (?:solche|so ein|so einen) (?:problem|probleme|ärger|ausfall|ausfälle|theater) (?:bei|mit)(?![\p{L}])|seit (?:ich|wir) (?:bei|zu) (?:der |dem |den )?[\p{L}\p{N}&-]+ (?:[\p{L}]+ )?(?:bin|sind|gewechselt bin|gewechselt sind|gewechselt habe|gewechselt haben),? (?:habe ich |hab ich |haben wir )?(?:keine|kein|keinen|null|nie) (?:[\p{L}]+ )?(?:probleme|problem|ausfälle|ausfall|ärger|stress|störungen)/u,
  en: /(?<![\p{L}'])(?:(?:switched|moved|changed) (?:over )?from [\p{L}\p{N}&@_'-]+ (?:[\p{L}\p{N}]+ ){0,5}(?:and |&amp; |& )?(?:no more|never looked back|not a single|zero|haven't had|have not had|never had|no (?:issues|problems|dropouts|outages))|meanwhile (?:i've|i have|i've been|we've|we have) (?:been )?(?:with|on|using) [^.!?]{0,60}(?:never had|not a single|zero|no (?:issues|problems))|(?:everyone|everybody|half|all) (?:in |of )?(?:my |the )?(?:office|street|building|friends|mates|colleagues|family)? ?(?:is |are )?(?:moaning|complaining|whinging|ranting|raging) about [^.!?]{0,60}(?:and|while|meanwhile|but) (?:my|mine|me|i)(?![\p{L}])[^.!?]{0,60}(?:hasn't|has not|haven't|have not|never|didn't|did not) (?:dropped|failed|gone down|missed a beat|had (?:a|an|one|any) (?:problem|issue|outage))|(?:should've|should have) (?:done it|switched|moved|left|changed) (?:years|months|ages|a long time) (?:ago|earlier|sooner)|(?:i've|i have|we've|we have) been with [\p{L}\p{N}&@_'-]+ (?:for )?(?:\d+|[\p{L}]+) years?,? (?:and )?(?:never had|not once had|no (?:issues|problems))|never (?:had|have|get|got|seen) (?:this|that|these|those|the same|such an?|a single|one|any) (?:[\p{L}]+ )?(?:problem|problems|issue|issues|outage|outages|trouble|nonsense) (?:at|with|on|from)|(?:so |really |very )?(?:glad|happy|thankful|grateful|relieved) (?:i'm|i am|we're|we are|to be|i stayed|i went|i switched|i moved|i stuck|i signed up|i joined) (?:with|at|on|to)|(?:thank god|thankfully|luckily|good thing) (?:i'm|i am|we're|we are|i switched|i moved|i went|i stayed) (?:with|at|on|to)|(?:looking|looks|look) (?:better|good|great) (?:every (?:day|week|month)|by the (?:day|minute|hour))|smug (?:[\p{L}\p{N}]+ ){0,2}(?:members?|customers?|users?|subscribers?)|[\p{L}\p{N}]+ it is then|(?:so |really )?(?:glad|happy|thankful|relieved) (?:i|we) (?:moved|switched|left|closed|cancelled|canceled|ditched) (?:my|our|from|them|it)|since (?:i|we) (?:switched|moved|went|changed|came) (?:over )?to [\p{L}\p{N}&'-]+,? (?:i've had |we've had |i have had |there have been |there's been )?(?:no|zero|not a single|not one) (?:[\p{L}]+ )?(?:problems?|issues?|outages?|dropouts?|trouble|complaints))(?![\p{L}])/u,
};
// The same told as a switch: "Drei Jahre Dauerfunkloch beim alten Anbieter, seit dem Wechsel zu euch volle Balken", "Alle
// jammern über Störungen bei X und ich … keinen einzigen Ausfall" (sets 27–28, 25). English switches are in RIVAL_BETTER.
const RIVAL_SWITCH_DE =
  /(?<![\p{L}])(?:(?:beim|bei meinem|mit dem) (?:alten|vorherigen|früheren|letzten) anbieter(?![\p{L}])[^.!?]{0,80}seit (?:dem|meinem|unserem) wechsel|seit (?:dem|meinem|unserem) wechsel (?:zu|nach) [\p{L}\p{N}&@_-]+ (?:[\p{L}\p{N}]+ ){0,4}(?:keine|kein|keinen|null|nie|volle|alles|problemlos|stabil)|(?:alle|jeder|ihr alle|die halbe welt|(?:meine|unsere) (?:kollegen|kolleginnen|nachbarn|freunde)|(?:mein|unser) (?:kollege|nachbar|freund)) (?:[\p{L}]+ ){0,2}(?:jammern|jammert|meckern|meckert|schimpfen|schimpft|motzen|klagen|klagt|fluchen|flucht|stöhnen|stöhnt) (?:[\p{L}]+ ){0,3}über [^.!?]{0,60}(?:und ich|während ich|dabei hab ich|ich dagegen|, ich bin)|hätte? (?:ich|wir) (?:schon )?(?:viel )?(?:früher|eher) (?:wechseln|machen|tun) sollen)/u;
// …unless the writer's own company turns out no better: "Never had this problem with X until today", "bisher nie …, aber jetzt".
const RIVAL_UNTIL = /(?<![\p{L}])(?:until|till|before|but now|but today|not anymore|no longer|bis (?:heute|jetzt|gestern|vorhin)|bisher|vorher|zuvor|aber jetzt|aber seit|aber heute|nicht mehr)(?![\p{L}])/u;

/** The post prefers the company it names to another whose trouble it reports, with no irony and no "until now". */
function prefersThisOne(hits: readonly Hit[], lower: string, lang: Lang): boolean {
  if (hits.some((h) => h.def.kind === 'irony')) return false;
  // With no failure or criticism the cue model has nothing to set aside, but the learned models read the rival's trouble
  // ("Drei Jahre Dauerfunkloch beim alten Anbieter, seit dem Wechsel zu euch volle Balken", "switched over from Verizon …
  // no more dropped calls": sets 27–28, 0.51 and 0.61): the pattern then runs only on posts that name a switch or a rival.
  if (!hits.some((h) => h.def.kind === 'failure' || (h.def.kind === 'negative' && !h.negated)) && !RIVAL_HINT.test(lower)) return false;
  return ((RIVAL_BETTER[lang]?.test(lower) ?? false) || (lang === 'de' && RIVAL_SWITCH_DE.test(lower))) && !RIVAL_UNTIL.test(lower);
}
const RIVAL_HINT = /wechsel|anbieter|jammer|meckern|schimpf|fluch|früher|switched|moved|changed|meanwhile|should've|should have|been with|moaning|complaining|whinging/u;

/**
 * The post says the writer's own service works and names someone else: the failures in it are that person's, not a
 * complaint of the writer's (set 9: "Bei mir läuft alles, nur meine Nachbarin hat seit gestern kein Netz" read 0.89).
 * Returns the hits without the failures, the customer frame and the words of the "mine works" clause itself (a frame,
 * not praise of the company), or null when the frame does not apply.
 */
export function withoutOthersTrouble(hits: Hit[], lower: string, lang: Lang): Hit[] | null {
  if (prefersThisOne(hits, lower, lang)) return hits.filter((h) => h.def.kind !== 'failure' && h.def.kind !== 'customer' && !(h.def.kind === 'negative' && !h.negated));
  const own = OWN_FINE[lang]?.exec(lower);
  if (own === null || own === undefined || !(OTHER_PERSON[lang]?.test(lower) ?? false)) return null;
  const [from, to] = [own.index, own.index + own[0].length];
  return hits.filter((h) => h.def.kind !== 'failure' && h.def.kind !== 'customer' && !(h.def.kind === 'positive' && h.start >= from && h.end <= to));
}

// A condition with "ever" and its consequence, within one sentence: "Falls das Netz jemals ausfällt, wechsle ich …",
// "Should the boiler ever break down, is …". "je" only right after the conditional's subject ("wenn mein Paket je …").
const SUPPOSITION: Partial<Record<Lang, RegExp>> = {
  de: /(?<![\p{L}])(?:falls|wenn|sollte|sollten|sofern)(?![\p{L}])[^.!?:;\n]{0,60}?(?<![\p{L}])(?:jemals|je|irgendwann|eines tages)(?![\p{L}])/gu,
  en: /(?<![\p{L}])(?:if|should|in case)(?![\p{L}])[^.!?:;\n]{0,60}?(?<![\p{L}])(?:ever|one day|someday|some day|at some point)(?![\p{L}])/gu,
};
// A condition about a day still to come, worded as something that would happen: "Falls O2 nächstes Jahr wirklich die
// Preise erhöht, bin ich weg", "if my flight tomorrow gets delayed I will lose it" (set 16 dev: 0.81, 0.58). Not a deadline
// ("bis morgen", "by tomorrow") and not a condition with a negation or a repeat ("wenn das morgen nicht läuft", "if it's
// late again tomorrow"): those are ultimatums about a failure that is already there.
const FUTURE_CONDITION: Partial<Record<Lang, RegExp>> = {
  de: /(?<![\p{L}])(?:falls|wenn|sollte|sollten|sofern)(?![\p{L}])[^.!?:;\n]{0,60}?(?<![\p{L}])(?<!bis )(?<!ab )(?:morgen|übermorgen|heute abend|heute|nächste woche|nächsten monat|nächstes jahr|nächstes mal|im neuen jahr|am (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|wochenende))(?![\p{L}])/gu,
  en: /(?<![\p{L}])(?:if|should|in case)(?![\p{L}])[^.!?:;\n]{0,60}?(?<![\p{L}])(?<!by )(?<!until )(?<!before )(?:tomorrow|next (?:week|month|year|time)|tonight|today|this (?:weekend|evening|afternoon)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))(?![\p{L}])/gu,
};
// A post that opens with a condition, after handles: the only case scanned when nothing failed (withoutSuppositions).
const OPENING_CONDITION: Partial<Record<Lang, RegExp>> = {
  de: /^(?:@[\p{L}\p{N}_]+[\s,:]*)*(?:falls|wenn|sollte|sollten|sofern)(?![\p{L}])/u,
  en: /^(?:@[\p{L}\p{N}_]+[\s,:]*)*(?:if|should|in case)(?![\p{L}])/u,
};
const ULTIMATUM = /(?<![\p{L}])(?:nicht|nich|net|ned|kein\p{L}*|nie|wieder|schon wieder|immer noch|noch immer|not|no|never|again|still|yet)(?![\p{L}])|n't(?![\p{L}])/u;

// The writer's own return, not the company's failure: "If I ever order from you again", "Wenn ich je wieder bei euch bestelle".
const VOW: Partial<Record<Lang, RegExp>> = {
  de: /^(?:falls|wenn|sollte) (?:ich|wir) (?:jemals|je|irgendwann) (?:wieder|nochmal|noch mal|noch einmal)/u,
  en: /^(?:if|should) (?:i|we) (?:[\p{L}']+ ){0,2}ever [^.!?;\n]{0,40}(?:again|back)(?![\p{L}])/u,
};

/**
 * Failures and criticism inside an "ever" supposition are a case that has not happened (set 9: "If my parcel ever gets
 * lost I'll never order again" read 0.88). Only the sentence holding the condition (up to a colon or semicolon) is set
 * aside; the post is a
 * supposition when nothing failed or was criticised outside it. Irony anywhere keeps the post as it is. Returns null
 * when the post holds no such sentence.
 */
export function withoutSuppositions(hits: Hit[], lower: string, lang: Lang): { hits: Hit[]; supposition: boolean } | null {
  const re = SUPPOSITION[lang];
  const future = FUTURE_CONDITION[lang];
  if (re === undefined || future === undefined || hits.some((h) => h.def.kind === 'irony' && h.def.conditional !== true)) return null;
  const spans: Array<[number, number]> = [];
  const sentenceAround = (m: RegExpExecArray): [number, number] => {
    const before = lower.slice(0, m.index).search(/[.!?:;\n][^.!?:;\n]*$/);
    const after = lower.slice(m.index + m[0].length).search(/[.!?:;\n]/);
    return [before < 0 ? 0 : before + 1, after < 0 ? lower.length : m.index + m[0].length + after];
  };
  re.lastIndex = 0;
  for (let m = re.exec(lower); m; m = re.exec(lower)) {
    if (VOW[lang]?.test(lower.slice(m.index)) === true) continue;
    spans.push(sentenceAround(m));
  }
  const bad = (h: Hit): boolean => h.def.kind === 'failure' || (h.def.kind === 'negative' && !h.negated);
  // Only a failure or criticism can be set aside: most posts need not be scanned for a future condition.
  future.lastIndex = 0;
  // Without a failure or criticism the cue model has nothing to set aside, but the learned models read the failure words
  // it does not know ("If my flight tomorrow gets cancelled because of the strike, do I get compensation?", set 28: 0.67):
  // then only a post that opens with the condition is a supposition (most posts skip the scan).
  const opensWithCondition = !hits.some(bad) && OPENING_CONDITION[lang]?.test(lower) === true;
  for (let m = hits.some(bad) || opensWithCondition ? future.exec(lower) : null; m; m = future.exec(lower)) {
    if (opensWithCondition && lower.slice(0, m.index).replace(/^(?:@[\p{L}\p{N}_]+[\s,:]*)+/u, '').trim().length > 0) break;
    // The condition runs to its comma (or the consequence): a negation or a repeat in it makes an ultimatum.
    const comma = lower.indexOf(',', m.index + m[0].length);
    const condition = lower.slice(m.index, comma < 0 ? m.index + m[0].length + 40 : comma);
    if (!ULTIMATUM.test(condition)) spans.push(sentenceAround(m));
  }
  if (spans.length === 0) return null;
  const inside = (h: Hit): boolean => spans.some(([a, b]) => h.start >= a && h.end <= b);
  const kept = hits.filter((h) => !(bad(h) && inside(h)));
  return { hits: kept, supposition: !kept.some(bad) };
}

/** The three frames in order, for cues.ts: which of them changed the post is part of its evidence. */
export function withFrames(hits: Hit[], lower: string, lang: Lang): { hits: Hit[]; supposition: boolean; othersTrouble: boolean } {
  const supposed = withoutSuppositions(hits, lower, lang);
  const afterSupposition = supposed?.hits ?? hits;
  const others = withoutOthersTrouble(afterSupposition, lower, lang);
  return { hits: withoutConcededPraise(others ?? afterSupposition, lower), supposition: supposed?.supposition ?? false, othersTrouble: others !== null };
}
