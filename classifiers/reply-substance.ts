/**
 * Whether a brand reply says anything besides courtesy, a redirect and a promise to come back: the difference
 * between "Das tut uns leid. Wir kümmern uns darum." (nothing yet) and "Das tut uns leid! Die Erstattung ist
 * heute rausgegangen, in 3–5 Tagen auf deinem Konto." (an answer), or between "Schreib uns im Chat!" and "Der
 * Techniker kommt morgen zwischen 8 und 12 Uhr. Bei Fragen erreichst du uns im Chat."
 *
 * Everything the reply's cues account for (redirects, holding phrases, requests), courtesy (greetings, thanks,
 * apologies, sign-offs) and channel details (links, handles, numbers, opening hours) is blanked out; what is
 * left is split at sentence ends and at the blanks. A piece with three content words or more ("Techniker kommt
 * morgen", "Erstattung heute rausgegangen") is substance. Answers are seldom phrased with a fixed cue, so this
 * looks at what is left instead of listing them.
 */

// Courtesy and channel details, run on lower-cased text like the cues (no `u` flag: `\b` sits next to ASCII
// letters only). Courtesy phrases reach to the end of their clause: "sorry to hear about the trouble with your
// internet connection" is one apology, not four content words. Each alternative starts with a literal where it
// can: one scan of a single alternation, instead of one per phrase, keeps this cheap.
const CLAUSE = '[^.!?,;:]';
const COURTESY = [
  String.raw`tut\s+(?:uns|mir)\s+(?:[a-z]+\s+){0,2}?leid(?:,\s+dass)?${CLAUSE}{0,60}`,
  String.raw`\b(?:entschuldig\S*|sorry|apologi[sz]e\S*|apologies)${CLAUSE}{0,60}`,
  String.raw`\bdank(?:e|eschön)?\b(?:\s+(?:für|dir|ihnen|euch)${CLAUSE}{0,50})?`,
  String.raw`\bthank(?:s|\s+you)\b(?:\s+(?:so\s+much\s+)?for${CLAUSE}{0,50})?`,
  String.raw`\b(?:guten\s+(?:morgen|tag|abend)|sehr\s+geehrte[rs]?|hi\s+there)\b`,
  // A greeting and a first name ("Hey Jamie,"), and sympathy as X care teams word it ("we hate to hear this").
  String.raw`\b(?:hi|hey|hello|hallo|moin|servus|liebe[rs]?|dear)\s+[a-zäöüß]+(?=\s*[,!.])`,
  // A page-wide greeting: "Liebe Kundinnen und Kunden,", "Hi all,", "Dear customers,".
  String.raw`\b(?:liebe[rs]?|hallo|hi|hello|dear)\s+(?:all|everyone|[a-zäöüß*:]+\s+(?:und|and)\s+[a-zäöüß]+)(?=\s*[,!.])`,
  String.raw`\b(?:we|i)\s+(?:hate|don't\s+like|do\s+not\s+like)\s+to\s+(?:hear|see|read)${CLAUSE}{0,40}`,
  // Salutations with a name: "Hallo Frau Peters", "Dear Mr Hughes".
  String.raw`\b(?:hallo|liebe[rs]?|sehr\s+geehrte[rs]?|guten\s+tag|moin|servus|dear|hi|hello)\s+(?:frau|herr|mr|mrs|ms|miss)\.?\s+[a-zäöüß-]+`,
  String.raw`\b(?:das\s+|that\s+)?(?:klingt|hört\s+sich|sounds)\s+(?:[a-z]+\s+)?(?:nicht\s+gut|ärgerlich|frustrierend|unschön|nicht\s+schön|frustrating|annoying|awful|terrible|not\s+good|bad)${CLAUSE}{0,30}`,
  String.raw`\b(?:oh\s+(?:nein|no|nee|je|weh|man)|oje)\b`,
  String.raw`(?<![a-zäöüß])(?:ärgerlich|nicht\s+schön|unschön|frustrierend|ungünstig|not\s+(?:good|great|ideal|on)|frustrating|annoying|disappointing)${CLAUSE}{0,40}`,
  String.raw`\b(?:love|like|happy|glad|here)\s+(?:to\s+help|for\s+you)${CLAUSE}{0,30}`,
  String.raw`\b(?:helfen\s+(?:dir|ihnen|euch)\s+gerne?|helfen\s+wir|für\s+(?:dich|sie|euch)\s+da)${CLAUSE}{0,30}`,
  String.raw`\b(?:understand|verstehen|nachvollziehen)${CLAUSE}{0,60}`,
  String.raw`\bnot\s+the\s+(?:experience|service)${CLAUSE}{0,40}|\bbusiness\s+means${CLAUSE}{0,30}`,
  // Good wishes (QA round 6: "Have a great day!", "Wir wünschen dir trotzdem einen schönen Tag" closed complaints).
  String.raw`\bhave\s+a\s+(?:great|good|nice|lovely|wonderful|fab|fabulous|safe|pleasant|better|brilliant)\s${CLAUSE}{0,30}`,
  String.raw`\b(?:safe\s+travels|take\s+care|all\s+the\s+best|best\s+wishes|speak\s+soon|fingers\s+crossed)\b|\benjoy\s+(?:the\s+rest\s+of\s+)?your\s+${CLAUSE}{0,30}`,
  String.raw`\b(?:we|i)\s+(?:really\s+|do\s+)?hope\s+(?:you|to\s+(?:see|welcome|have)\s+you|your\s+next)${CLAUSE}{0,60}`,
  String.raw`(?<![a-zäöüß])(?:einen\s+)?schöne[nsr]?\s+(?:tag|abend|sonntag|samstag|feiertag|wochenende|feierabend|start|urlaub|flug|reise)${CLAUSE}{0,20}`,
  String.raw`\bwünschen?\s+(?:dir|ihnen|euch)${CLAUSE}{0,60}|\b(?:hoffentlich|wir\s+hoffen|ich\s+hoffe)\b${CLAUSE}{0,60}`,
  String.raw`\b(?:alles\s+gute|gute\s+(?:reise|fahrt|besserung|nacht)|bis\s+bald|viel\s+(?:erfolg|glück|spaß))\b`,
  // Review-site boilerplate (QA round 12: "Ihre Zufriedenheit liegt uns sehr am Herzen", "Wir bemühen uns stets um
  // den besten Service", signed "Ihr Donaunetz-Team", closed a question about cancelling): it says nothing of the case.
  String.raw`\b(?:ihre|deine|eure|your)\s+zufriedenheit${CLAUSE}{0,40}|\bliegt\s+uns\s+(?:sehr\s+|besonders\s+)?am\s+herzen\b`,
  String.raw`\bwir\s+bemühen\s+uns\s+(?:stets|immer|täglich|jeden\s+tag)${CLAUSE}{0,50}|\bwe\s+(?:always\s+)?(?:strive|aim)\s+to\s+(?:provide|give|offer|deliver)\s+the\s+best${CLAUSE}{0,30}`,
  String.raw`\b(?:your|our)\s+(?:customers?(?:'|’)?\s+)?satisfaction\s+is\s+(?:our|very|of)${CLAUSE}{0,30}`,
  String.raw`\b(?:ihr|dein|euer|your|the)\s+[a-zäöüß0-9]+(?:-|\s)team\b`,
].join('|');
/** From to, as opening hours are written: "8–20 Uhr", "from 8am to 6pm", "9:00 - 17:30". */
const HOURS = String.raw`(?:from\s+|von\s+)?\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm|uhr|h)?\s*(?:-|–|bis|to|until)\s*\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm|uhr|h)?`;
const COURTESY_RE = new RegExp(COURTESY, 'g');
const FILLERS: readonly RegExp[] = [
  COURTESY_RE,
  // Channel details: links, handles and e-mail domains, web addresses (a subdomain before them is cut off by
  // the ".", which ends a piece), signatures ("^RR").
  /https?:\/\/\S+|@[\w.-]+|\b[a-z0-9-]+\.(?:de|com|co\.uk|uk|at|ch|net|org|io|eu|example)\b(?:\/\S*)?|[\^~]\s?[a-z]{1,10}\b/g,
  // Phone numbers in any format, and the menu options to press after dialling ("option 1, 4, 3").
  /\+\d[\d\s/()-]{6,}\d|\b\d[\d\s/-]{6,}\d\b|\b(?:options?|taste|press|drücke?)\s+\d+(?:\s*(?:,|and|then|und|dann|>)\s*\d+)*/g,
  // Opening hours and availability ("Mo–Fr 8–20 Uhr", "is online 8am-10pm every day").
  new RegExp(
    [
      String.raw`\b(?:mo(?:ntags?)?|monday|mon)\.?\s*(?:-|–|bis|to|through|until|thru)\s*(?:fr(?:eitags?)?|sa(?:mstags?)?|so(?:nntags?)?|friday|fri|saturday|sat|sunday|sun)\b\.?(?:,?\s*${HOURS})?`,
      String.raw`\brund\s+um\s+die\s+uhr\b|\b24\/7\b|\b(?:24\s+stunden|around\s+the\s+clock)\b`,
      String.raw`\b(?:is|are|ist|sind)\s+(?:available|open|online|erreichbar|geöffnet|für\s+(?:dich|sie|euch)\s+da)\b(?:\s+${HOURS})?(?:\s+(?:every\s+day|daily|täglich|werktags|on\s+weekdays|(?:seven|7)\s+days\s+a\s+week))?`,
    ].join('|'),
    'g',
  ),
];

// Function words, courtesy and the verbs every reply carries: what is left after them says something.
const STOPWORDS = new Set(
  [
    // German
    'der die das den dem des ein eine einen einem einer eines und oder aber doch denn sondern wenn dass daß ob als wie so auch noch',
    'schon nur bitte gerne gern einfach mal kurz direkt dazu dafür damit darum davon dabei hier dort dann jetzt gerade sowas',
    'ich du er sie es wir ihr mich dich sich uns euch mir dir ihm ihnen mein dein sein unser euer meine deine seine unsere eure ihre',
    'meinen deinen unseren unserem unserer deinem deiner ihrem ihrer ihren ist sind bin bist seid war waren wird werden wirst wurde',
    'wurden hat haben habe hast hatte kann können kannst könnt könnte könnten muss müssen musst soll sollen sollte will wollen möchte',
    'möchten darf dürfen gibt geht mit von vom zu zum zur für auf aus bei nach über unter vor an am im in ins um durch ohne gegen bis',
    'seit nicht kein keine keinen keiner sehr ganz etwas alles alle man was wer wo wann warum welche welcher welches leider natürlich',
    'wirklich echt sicher bestimmt eben halt ja nein okay ok hallo moin servus liebe lieber liebes dank vielen herzlichen sorry leid tut',
    'team grüße gruß viele beste freundlichen',
    // English
    'the and or but if so also just only please thanks thank you your yours we us our ours me my it its this that these those there',
    'here is are am be been being was were will would can could should shall may might must do does did have has had to of in on at',
    'for from with by about as into out up over under than then now very really quite any some all more most no not yes hi hey hello',
    'dear regards wishes many cheers kind best welcome they them their he she his her what which who when where how why get got let',
    'lets sure don won isn aren didn always completely totally fully glad happy www',
    // What is left of contractions once the apostrophe splits them: "we're", "we've", "we'll", "it's".
    're ve ll s t d m',
  ]
    .join(' ')
    .split(' '),
);

/**
 * Concrete substance, as the product rule defines an answer: something done for the customer ("we've refunded",
 * "ist gutgeschrieben", "umgebucht"), an appointment, date, time or amount ("morgen zwischen 8 und 12 Uhr",
 * "Friday", "£40", "in 3–5 days"), a state reached ("wieder online", "is working again") or the cause of the
 * problem ("was damaged in transit", "liegt an einer Baustelle"). Once a holding or redirect cue has fired, only
 * a piece with one of these answers (QA round 7: "sobald die Kollegen aus der IT mehr wissen", "Our team aims …
 * You can track your parcel any time", "raised a ticket with the depot (ref 88231)", "the staff there will be able
 * to help", "pass this on to the depot manager" each had three content words and closed a complaint). Run on the
 * piece with cues, courtesy and channel details already blanked, so "within 48 hours" of a reply promise or the
 * "heute" of "wir rufen dich heute noch an" no longer count here.
 */
const CONCRETE = new RegExp(
  [
    // Done for the customer, English: "we've refunded", "has been credited", "was dispatched", "is fixed".
    String.raw`\b(?:refund(?:ed)?|credited|cancell?ed|re-?booked|re-?sent|re-?issued|re-?scheduled|re-?connected|re-?activated|reinstated|re-?delivered|waived|reimbursed|compensat(?:ed|ion)|voucher|replacement|replaced|dispatched|shipped|delivered|collected|restored|repaired|fixed|resolved|unblocked|unlocked|booked|rearranged|arranged\s+(?:a|an|for)|reversed|removed\s+the|upgraded|approved|processed|corrected|reset)\b`,
    // Done for the customer, German, as a participle: "erstattet", "ist gutgeschrieben", "haben umgebucht".
    String.raw`(?<![a-zäöüß])(?:zurück)?(?:erstattet|erstattung|gutgeschrieben|gutschrift|storniert|überwiesen|behoben|repariert|gelöst|freigeschaltet|entsperrt|zurückgesetzt|umgebucht|gebucht|verschickt|versandt|versendet|zugestellt|ausgetauscht|ersetzt|korrigiert|angepasst|erlassen|reaktiviert|rausgegangen|angewiesen|zurückgebucht|ersatz\S*|gutschein|entschädigung|termin)(?![a-zäöüß])`,
    // A state reached: "wieder online", "is working again", "back in stock".
    String.raw`(?<![a-zäöüß])(?:wieder\s+(?:da|online|verfügbar|erreichbar|geöffnet|in\s+betrieb|lieferbar|aktiv)|(?:is|are|it(?:'|’)s)\s+(?:now\s+)?(?:working|back\s+(?:up|online|in\s+stock)|available|open)|back\s+(?:up|online|in\s+stock|to\s+normal)|läuft\s+wieder|funktioniert\s+wieder|working\s+again)(?![a-zäöüß])`,
    // When and how much: a clock time, a weekday or relative day, a date, an amount, a delivery span.
    String.raw`\b\d{1,2}(?:[:.]\d\d)?\s?(?:uhr|am|pm)\b|\b\d{1,2}:\d\d\b|\b(?:um|ab|gegen|zwischen|at|by|between)\s+\d{1,2}\b`,
    String.raw`(?<![a-zäöüß])(?:heute|morgen|übermorgen|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|this\s+(?:morning|afternoon|evening|week|weekend)|next\s+week|nächste[nr]?\s+woche|diese\s+woche|dieses\s+wochenende)(?![a-zäöüß])`,
    String.raw`\b\d{1,2}\.\d{1,2}(?![\d,])|\b\d{1,2}\.\s?(?:\d{1,2}\.|januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b(?:january|february|march|april|june|july|august|september|october|november|december)\s+\d{1,2}\b`,
    // A decision on the customer's question, opening its piece ("Ja, Ihr Vertrag zieht kostenlos mit, sofern …"),
    // and "free" as an amount (QA round 12: yes, a condition and the way there were read as a portal redirect).
    String.raw`^\s*(?:ja|nein|yes|no)\s*[,!]|(?<![a-zäöüß])(?:kostenlos|kostenfrei|gebührenfrei|gratis|free\s+of\s+charge|at\s+no\s+(?:extra\s+)?cost)(?![a-zäöüß])`,
    String.raw`[£€$]\s?\d|\b\d+(?:[.,]\d+)?\s?(?:€|£|\$|eur\b|euro\b|pounds?\b|gbp\b|dollars?\b|cent\b|p\b)`,
    String.raw`\b(?:in|within|innerhalb\s+von|binnen)\s+(?:about\s+|around\s+|approx\.?\s+|ca\.?\s+|etwa\s+|rund\s+)?\d+\s*(?:(?:-|–|bis|to)\s*\d+\s*)?(?:minuten|min|stunden|tagen|werktagen|arbeitstagen|wochen|minutes|mins|hours|days|working\s+days|business\s+days|weeks)\b`,
    // The cause: "because", "due to", "was damaged", "liegt an", "wegen einer Baustelle".
    String.raw`(?<![a-zäöüß])(?:because|due\s+to|caused\s+by|the\s+reason|so\s+we\s+(?:couldn|could\s+not|can(?:'|’)?t|cannot)|damaged|faulty|(?:signal|points|power|engine|technical|network)\s+(?:failure|fault|problem|issue)|held\s+at|delayed\s+by|weil|wegen|aufgrund|ursache|grund\s+(?:ist|war|dafür)|(?:liegt|lag)\s+(?:an|daran)|verursacht|beschädigt|defekt|ausgefallen|(?:signal|stellwerks|weichen|strom|technische[rn]?|netz)(?:-?\s?)(?:störung|ausfall|defekt|problem)|baustelle|bauarbeiten|streik|strike|roadworks|engineering\s+works)(?![a-zäöüß])`,
  ].join('|'),
);
/** With a concrete marker, two content words make a piece ("Techniker kommt morgen", "refunded £40"). */
const MIN_CONCRETE_WORDS = 2;
/** Sentence ends, brackets and a spaced dash end a piece; commas do not ("Ja, ab Montag, 8 Uhr, kommt der Techniker"). */
const PIECE_END = new Set([...'.!?;:\n()[]>"„“–—']);
/** Letters, digits and the gender star: "Kolleg*innen" is one word. */
const isWordChar = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c === 'ä' || c === 'ö' || c === 'ü' || c === 'ß' || c === '*';

/** 1 at every position of `hay` that one of the (global) patterns matches. */
function blankMatches(hay: string, patterns: readonly RegExp[]): Uint8Array {
  const blank = new Uint8Array(hay.length);
  for (const re of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(hay); m; m = re.exec(hay)) {
      if (m[0].length === 0) re.lastIndex += 1; // an empty match would loop forever
      else blank.fill(1, m.index, m.index + m[0].length);
    }
  }
  return blank;
}

/** Where a clause ends: punctuation, and a full stop only before a space ("telvana.de/chat" is one word). */
function isClauseEnd(hay: string, i: number): boolean {
  const c = hay[i];
  if (c === '.') return i + 1 >= hay.length || /\s/u.test(hay[i + 1] ?? '');
  return c === ',' || c === ';' || c === ':' || c === '!' || c === '?' || c === '\n' || c === '–' || c === '—';
}

/**
 * Clauses that only give a redirect's reason, purpose or what happens over there: "…, damit die Kollegen einen
 * Nachforschungsauftrag starten können", "…, dort wird Ihre Anfrage priorisiert bearbeitet", "…, so they can look
 * into it", "Nur der Absender kann einen Nachforschungsauftrag stellen." The customer still has to start over
 * elsewhere (QA: each of these made a deflection an answer and closed the thread).
 */
const REASON_AFTER = new RegExp(
  '^(?:' +
    [
      // Relative clauses too: "wende dich an den Händler, bei dem du bestellt hast".
      String.raw`(?:bei|von|in|mit|an|über)\s+(?:dem|der|denen|welche[mr])\s|(?:den|die|das)\s+(?:du|sie|ihr)\s`,
      String.raw`damit|dort|da\s|weil|denn|wo\s|um\s|nur\s|die\s+(?:[a-zäöüß]+\s+)?(?:kolleg|mitarbeiter|berater|spezialist|expert)`,
      String.raw`unsere?\s+(?:[a-zäöüß]+\s+)?(?:kolleg|mitarbeiter|berater|spezialist|expert)|das\s+team|sie\s+(?:helfen|können|kann|werden|wird|sind|ist|kümmern)|er\s+(?:hilft|kann|wird)`,
      String.raw`so\s+(?:that\s+)?(?:they|we|you|the|our|someone)|as\s|since\s|because|where\s|there\s|they|who\s|which\s|only\s`,
      String.raw`(?:the|our)\s+(?:[a-z-]+\s+){0,2}?(?:team|colleagues|agents|advisors|advisers|experts|specialists|store|branch)`,
    ].join('|') +
    ')',
);
/** Clauses before a redirect that only say why or when it applies: "as your booking was made through a travel agent, …". */
const REASON_BEFORE = /^(?:as\s|since\s|because|if\s|for\s|da\s|weil|wenn|falls|für\s)/;

function isClauseSpace(c: string): boolean {
  return c === ' ' || c === '\n' || c === '\t' || c === '.' || c === ',' || c === ';' || c === ':' || c === '!' || c === '?' || c === '–' || c === '—' || c === '-';
}

/** Blanks the reason clauses next to the redirect clause [start, end) (see REASON_AFTER and REASON_BEFORE). */
function blankReasons(hay: string, blank: Uint8Array, start: number, end: number): void {
  for (let at = end; ; ) {
    let s = at;
    while (s < hay.length && isClauseSpace(hay[s] ?? '')) s += 1;
    if (s >= hay.length || !REASON_AFTER.test(hay.slice(s, s + 60))) break;
    let e = s;
    while (e < hay.length && !isClauseEnd(hay, e)) e += 1;
    blank.fill(1, s, e);
    at = e;
  }
  // The clause before, in the same sentence only (ended by a comma, not a full stop).
  let e = start;
  while (e > 0 && hay[e - 1] === ' ') e -= 1;
  if (e === 0 || hay[e - 1] !== ',') return;
  let s = e - 1;
  while (s > 0 && !isClauseEnd(hay, s - 1)) s -= 1;
  let first = s;
  while (first < e && hay[first] === ' ') first += 1;
  // Greetings and handles before the clause ("@lucy hi there, as your booking …") are fillers anyway.
  const clause = hay.slice(first, e).replace(/^(?:@[\w.-]+\s+)*(?:(?:hi|hey|hello|hallo|moin|servus)(?:\s+there)?\s+)?/, '');
  if (REASON_BEFORE.test(clause)) blank.fill(1, s, e);
}

/**
 * Whether anything is left of the (lower-cased) reply once courtesy, channel details and what the cues found
 * in it match are blanked out: `accounted` (global patterns) where they match, `redirects` (global patterns)
 * with the whole clause they stand in. A redirect's clause carries its reasons and its addressee ("please
 * contact your local store directly as they manage their own stock", "für Erstattungen ist das Servicecenter
 * Fahrgastrechte zuständig"), an answer stands in a clause of its own ("Dein Techniker kommt morgen um 8, bei
 * Fragen melde dich im Chat").
 */
export function hasSubstance(hay: string, accounted: readonly RegExp[], redirects: readonly RegExp[] = []): boolean {
  const blank = blankMatches(hay, [...accounted, ...FILLERS]);
  for (const re of redirects) {
    re.lastIndex = 0;
    for (let m = re.exec(hay); m; m = re.exec(hay)) {
      if (m[0].length === 0) {
        re.lastIndex += 1;
        continue;
      }
      let start = m.index;
      while (start > 0 && !isClauseEnd(hay, start - 1)) start -= 1;
      let end = m.index + m[0].length;
      while (end < hay.length && !isClauseEnd(hay, end)) end += 1;
      blank.fill(1, start, end);
      blankReasons(hay, blank, start, end);
    }
  }
  let content = 0;
  let wordStart = -1;
  let pieceStart = 0;
  for (let i = 0; i <= hay.length; i++) {
    const c = i < hay.length ? (hay[i] ?? '') : '.';
    const inWord = blank[i] !== 1 && isWordChar(c);
    if (inWord && wordStart < 0) wordStart = i;
    if (!inWord && wordStart >= 0) {
      const word = hay.slice(wordStart, i);
      const first = word.charCodeAt(0);
      if ((first >= 48 && first <= 57) || (word.length >= 3 && !STOPWORDS.has(word))) content += 1;
      wordStart = -1;
    }
    if (blank[i] === 1 || (PIECE_END.has(c) && !isInNumber(hay, i)) || (c === '-' && hay[i - 1] === ' ')) {
      if (content >= MIN_CONCRETE_WORDS && isConcrete(hay, blank, pieceStart, i)) return true;
      content = 0;
      pieceStart = i + 1;
    }
  }
  return false;
}

/** A colon or full stop inside a number ("18:05", "3.90") ends no piece: the time or amount is what answers. */
function isInNumber(hay: string, i: number): boolean {
  const c = hay[i];
  if (c !== ':' && c !== '.') return false;
  const before = hay.charCodeAt(i - 1);
  const after = hay.charCodeAt(i + 1);
  return before >= 48 && before <= 57 && after >= 48 && after <= 57;
}

/** Whether the piece [start, end) of `hay`, outside what is blanked, says something concrete (CONCRETE). */
function isConcrete(hay: string, blank: Uint8Array, start: number, end: number): boolean {
  let piece = '';
  for (let i = start; i < end; i++) piece += blank[i] === 1 ? ' ' : (hay[i] ?? ' ');
  return CONCRETE.test(piece);
}

/** A name alone after a comma at a sentence's end, as replies address the customer: "Thanks for your patience, Oli." */
const VOCATIVE_NAME = /,\s*[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?(?=\s*(?:[.!?…]|$|[^\x00-\x7FäöüßÄÖÜ]))/g;

/**
 * The lower-cased reply with the customer's name blanked where it is only addressed ("Apologies, Hannah."): a name
 * is no content word, yet only its capital tells it from one ("Sorry, fixed!" answers). `text` is the reply as
 * written, of the same length as `hay`.
 */
export function withoutAddressedNames(text: string, hay: string): string {
  if (text.length !== hay.length) return hay;
  let blanked = hay;
  for (const m of text.matchAll(VOCATIVE_NAME)) blanked = blanked.slice(0, m.index) + ' '.repeat(m[0].length) + blanked.slice(m.index + m[0].length);
  return blanked;
}

/**
 * Whether the (lower-cased) reply is courtesy and nothing else: an apology, thanks or greeting with not one
 * content word or number besides ("Sorry to hear that!", "Das tut uns leid 😔", "Thanks for reaching out!").
 * Such a reply answers nothing; the brand still owes the answer. A short real answer keeps a word of its own
 * ("Ja, ab Montag.", "Fixed now!") or has no courtesy at all ("Yes, it is."), and stays an answer.
 */
export function isCourtesyOnly(hay: string): boolean {
  COURTESY_RE.lastIndex = 0;
  if (!COURTESY_RE.test(hay)) return false;
  return isFillersOnly(hay);
}

/** A web address, with or without its scheme ("voltwise.example/refunds", "https://…"). */
const LINK = /https?:\/\/\S+|\b[a-z0-9-]+\.(?:de|com|co\.uk|uk|at|ch|net|org|io|eu|example)\/\S*/;

/**
 * Whether the (lower-cased) reply is a link and nothing else besides handles and courtesy ("@nat_v
 * voltwise.example/refunds", "Hi Sam, https://…/faq"): a bare policy link, which sends the customer off to read
 * for themselves and says nothing about their case (QA round 12: it closed a question about a lost credit).
 */
export function isBareLink(hay: string): boolean {
  return LINK.test(hay) && isFillersOnly(hay);
}

/** Whether not one content word or number is left once courtesy and channel details are blanked. */
function isFillersOnly(hay: string): boolean {
  const blank = blankMatches(hay, FILLERS);
  let word = '';
  for (let i = 0; i <= hay.length; i++) {
    const c = i < hay.length ? (hay[i] ?? '') : ' ';
    if (blank[i] !== 1 && isWordChar(c)) {
      word += c;
      continue;
    }
    if (word && ((word.charCodeAt(0) >= 48 && word.charCodeAt(0) <= 57) || !STOPWORDS.has(word))) return false;
    word = '';
  }
  return true;
}
