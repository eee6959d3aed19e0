/**
 * Language identification for de / en / other, built for short social posts.
 *
 * Short tweets defeat pure character n-gram models (too little text), so three kinds of evidence are summed:
 *  1. function words (articles, pronouns, auxiliaries, particles): the most frequent words of each language,
 *     which a post of five words still contains; German dialect/colloquial spellings are listed too
 *     ("des is a Schmarrn", "i hob", "net", "nix");
 *  2. characters and character sequences that are rare elsewhere (ä ö ü ß; ñ ¿; ı ş ğ; é è ê ç) and common
 *     German/English trigrams ("sch", "ung", "cht" / "the", "ing", "tion");
 *  3. German capitalises nouns: a capitalised word that does not start a sentence is a German signal.
 * Lists are small and hand-picked from the top of standard frequency lists; the weights were set by reasoning,
 * then checked (not fitted) on GermEval 2017 (German) and the English complaints corpus (see tests).
 */
import type { Lang } from '../src/model.ts';
import type { Token } from './text.ts';
import { fnv1a } from '../src/fnv1a.ts';

type Profile = 'de' | 'en' | 'fr' | 'es' | 'it' | 'nl' | 'tr' | 'pt' | 'pl';

const FUNCTION_WORDS: Record<Profile, string> = {
  de: `der die das den dem des ein eine einen einem einer eines und oder aber ist sind war waren bin bist
    hat habe hab haben hatte wird werden wurde ich du er sie wir ihr mich mir dich dir uns euch mein meine
    meinen dein deine sein seine kein keine keinen nicht nichts auch noch schon nur mal doch ja nein nie
    immer wieder sehr mit von zu zum zur im in auf aus bei nach für über unter vor seit bis wie was wer
    warum wieso wo wann dass weil wenn als man es sich so jetzt heute hier da gibt kann könnt können muss
    soll will wollte danke bitte leider eigentlich endlich gar ganz gerade heut halt eben denn ob`,
  en: `the a an and or but is are was were be been being have has had do does did i you he she we they me
    my your our their it its this that these those not no never to of in on at for with from by about
    what why how when where who can can't could would will won't should just still again any some
    there here than then so very please thanks thank get got been don't didn't doesn't isn't i'm it's
    you're i've im dont cant`,
  fr: `le la les un une des du et est je tu il elle nous vous ils pas ne que qui ce cette dans sur pour
    avec mais très c'est j'ai suis sont au aux mon ma mes votre`,
  es: `el la los las un una y es en que de del por para con no pero muy mi tu su lo se este esta estoy
    está son hola gracias qué cómo`,
  it: `il lo la gli le di che è non per una sono con del della mi ti ma questo anche perché ciao grazie`,
  nl: `de het een en is van niet ik je dat wat op te met zijn voor maar ook er heb wij jullie geen nog`,
  tr: `ve bir bu da de ne için çok ben sen o ama gibi daha var yok mi mı değil ile olarak yine hiç neden nasıl
    artık hala şu kötü iyi teşekkürler`,
  pt: `o a os as um uma e é de do da em que não por para com mas muito eu você obrigado`,
  pl: `i w na nie się to jest że z do jak ale co tak po za od już jestem`,
};

// South German / Austrian / Swiss and colloquial spellings ("des is a Schmarrn", "i hob koa Zeit"). They are
// evidence for German only; "is", "a", "i" are English too and are outweighed by the rest.
const GERMAN_DIALECT = `des isch net ned nix nich hob hab koa koan kaa oiso oida gell gä servus moin moinsen
  scho ois wos wia mei bissl bisserl dahoam hoid hoit grad geht's gibt's is' weng wenig amol amal nimmer
  haste isses isse biste kannste willste hamma samma gehma dat wat kiek schmarrn schmarren bledsinn`;

// Letter sequences typical of one of the two languages, looked up for every 3- and 4-letter window of a word.
const SEQUENCES: Record<'de' | 'en', string[]> = {
  de: ['sch', 'cht', 'ung', 'ich', 'ein', 'eit', 'gen', 'ver', 'ige', 'lic', 'ier', 'ach', 'auf', 'ben', 'uch', 'tsc', 'nde', 'ieb', 'keit', 'heit', 'lich'],
  en: ['the', 'ing', 'tio', 'ion', 'you', 'and', 'hat', 'thi', 'ght', 'ome', 'ould', 'wha', 'whe', 'ea', 'ly', 'ness', 'ful'],
};
const sequenceTable = new Map<string, 'de' | 'en'>();
for (const p of ['de', 'en'] as const) for (const g of SEQUENCES[p]) sequenceTable.set(g, p);

// Frequent content words of customer-service talk, for posts with no function word at all ("Horrible customer
// service!", "Danke, super Service"). Both lists skip words shared by the two languages (service, hotline).
const CONTENT_WORDS: Record<'de' | 'en', string> = {
  de: `kunde kunden kundenservice hilfe bestellung lieferung paket rechnung vertrag zug bahn verspätung heute
    morgen gestern tage tagen woche wochen stunde stunden minuten antwort frage problem geld leute super
    toll schlecht schön gut besser wirklich einfach vielen dank echt bitte geil mist scheiße netz weg
    besetzt störung ausfall kundenservice kündigung geschickt`,
  en: `customer help order delivery package bill account phone today tomorrow yesterday days week weeks hours
    minutes reply answer question money people great good bad worst best really love hate happy thanks
    thank awesome amazing horrible terrible need want know like time new got sent waiting`,
};

const PROFILES = Object.keys(FUNCTION_WORDS) as Profile[];
const wordTable = new Map<string, Profile[]>();
for (const p of PROFILES) {
  for (const w of FUNCTION_WORDS[p].split(/\s+/).filter(Boolean)) {
    const list = wordTable.get(w) ?? [];
    if (!list.includes(p)) list.push(p);
    wordTable.set(w, list);
  }
}
for (const p of ['de', 'en'] as const) {
  for (const w of CONTENT_WORDS[p].split(/\s+/).filter(Boolean)) if (!wordTable.has(w)) wordTable.set(w, [p]);
}
const dialect = new Set(GERMAN_DIALECT.split(/\s+/).filter(Boolean));

const germanEnglishFunctionWords = new Set([...FUNCTION_WORDS.de.split(/\s+/), ...FUNCTION_WORDS.en.split(/\s+/), ...dialect].filter(Boolean));

/**
 * German and English function words and German dialect spellings (lower-case, umlauts kept, as `Token.text`):
 * the words every post has whatever it is about, so they never name a post's subject.
 */
export function isFunctionWord(word: string): boolean {
  return germanEnglishFunctionWords.has(word);
}

// Letters that are rare outside one language, with the weight of one occurrence (at most 6 count per group).
const CHAR_SIGNALS: Array<{ chars: string; profile: Profile; weight: number }> = [
  { chars: 'äöüß', profile: 'de', weight: 1.5 },
  { chars: 'ñ¿¡', profile: 'es', weight: 3 },
  { chars: 'áíóú', profile: 'es', weight: 0.7 },
  { chars: 'ışğ', profile: 'tr', weight: 3 },
  // ç and ö/ü together are Turkish more often than French or German.
  { chars: 'ç', profile: 'tr', weight: 1.2 },
  { chars: 'éèêàùçœ', profile: 'fr', weight: 0.8 },
  { chars: 'ãõ', profile: 'pt', weight: 2 },
  { chars: 'ąęłńśźż', profile: 'pl', weight: 3 },
];
const signalsByChar = new Map<number, number[]>();
CHAR_SIGNALS.forEach((sig, i) => {
  for (const ch of sig.chars) signalsByChar.set(ch.charCodeAt(0), [...(signalsByChar.get(ch.charCodeAt(0)) ?? []), i]);
});

const CHAR_SIGNAL_PROFILE = CHAR_SIGNALS.map((sig) => PROFILES.indexOf(sig.profile));

/** One pass over the text's non-ASCII characters, instead of a regex per signal. */
function addCharSignals(lower: string, score: Float64Array): void {
  const hits = new Array<number>(CHAR_SIGNALS.length).fill(0);
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c < 128) continue;
    const groups = signalsByChar.get(c);
    if (groups) for (const g of groups) hits[g] = (hits[g] ?? 0) + 1;
  }
  hits.forEach((n, g) => {
    const sig = CHAR_SIGNALS[g];
    if (n > 0 && sig) {
      const p = CHAR_SIGNAL_PROFILE[g] as number;
      score[p] = (score[p] as number) + sig.weight * Math.min(n, 6);
    }
  });
}

const NON_ASCII = /[^\x00-\x7f]/;

const DE = PROFILES.indexOf('de');
const EN = PROFILES.indexOf('en');

/** A word of the lists (function, content or dialect word): what it contributes, looked up once per token. */
interface KnownWord {
  word: string;
  /** Profiles listing the word (indices into PROFILES); each gets `share`. */
  owners: number[];
  share: number;
  dialect: boolean;
}

// Known words in an open-addressing table by FNV-1a hash. Every token is looked up, so the table is kept
// small and flat (a few KB, stays in cache): a Map keyed by each fresh token string cost a string hash and
// several cache misses per token.
const known: KnownWord[] = [];
for (const [word, owners] of wordTable) {
  known.push({ word, owners: owners.map((p) => PROFILES.indexOf(p)), share: 1 / owners.length + 0.5, dialect: dialect.has(word) });
}
for (const word of dialect) if (!wordTable.has(word)) known.push({ word, owners: [], share: 0, dialect: true });
let knownSize = 16;
while (knownSize < 4 * known.length) knownSize *= 2;
const KNOWN_MASK = knownSize - 1;
const knownHash = new Int32Array(knownSize);
const knownEntry = new Int32Array(knownSize).fill(-1);
known.forEach((k, i) => {
  const h = fnv1a(k.word);
  let slot = h & KNOWN_MASK;
  while ((knownEntry[slot] as number) >= 0) slot = (slot + 1) & KNOWN_MASK;
  knownHash[slot] = h;
  knownEntry[slot] = i;
});

function knownWord(text: string): KnownWord | undefined {
  const h = fnv1a(text);
  for (let slot = h & KNOWN_MASK; ; slot = (slot + 1) & KNOWN_MASK) {
    const e = knownEntry[slot] as number;
    if (e < 0) return undefined;
    if (knownHash[slot] === h) {
      const k = known[e] as KnownWord;
      if (k.word === text) return k;
    }
  }
}

// The letter sequences as a trie over ASCII (all of them are lower-case ASCII): node × 128 → child (0 = none),
// and per node the language whose sequence ends there (0 none, 1 de, 2 en).
const SEQ_DE = 1;
const SEQ_EN = 2;
const seqNodes: number[][] = [[]];
const seqOwnerList: number[] = [0];
for (const [g, owner] of sequenceTable) {
  let node = 0;
  for (let i = 0; i < g.length; i++) {
    const c = g.charCodeAt(i);
    const row = seqNodes[node] as number[];
    let child = row[c];
    if (child === undefined) {
      child = seqNodes.length;
      row[c] = child;
      seqNodes.push([]);
      seqOwnerList.push(0);
    }
    node = child;
  }
  seqOwnerList[node] = owner === 'de' ? SEQ_DE : SEQ_EN;
}
const seqNext = new Int32Array(seqNodes.length * 128);
seqNodes.forEach((row, node) => row.forEach((child, c) => (seqNext[node * 128 + c] = child)));
const seqOwner = Int8Array.from(seqOwnerList);


export interface LanguageGuess {
  lang: Lang;
  /** Evidence margin of the winner over the runner-up (0 when undecided). */
  confidence: number;
}

// Scores per profile, indexed like PROFILES: one buffer reused by every call (detection is synchronous).
const score = new Float64Array(PROFILES.length);

/**
 * Detects the language of prepared text. `hint` (the source's own language tag) decides only when the text
 * itself carries no evidence (emoji only, a bare link).
 */
export function detectLanguage(tokens: readonly Token[], lower: string, hint?: string): LanguageGuess {
  score.fill(0);
  let words = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.kind !== 'word') continue;
    words++;
    const text = t.text;
    const w = knownWord(text);
    if (w !== undefined) {
      const owners = w.owners;
      for (let o = 0; o < owners.length; o++) {
        const p = owners[o] as number;
        score[p] = (score[p] as number) + w.share;
      }
    }
    if (t.capitalised && !t.sentenceStart && text.length > 3) score[DE] = (score[DE] as number) + 0.6;
    // Dialect words, letter sequences (every 2- to 4-letter window of words of 4+ letters) and English clitics.
    let de = w !== undefined && w.dialect ? 1 : 0;
    let en = text.endsWith("'s") || text.endsWith("n't") ? 1 : 0;
    const n = text.length;
    if (n >= 4) {
      for (let i = 0; i + 2 <= n; i++) {
        let node = 0;
        for (let j = i; j < i + 4 && j < n; j++) {
          const c = text.charCodeAt(j);
          if (c >= 128) break;
          node = seqNext[node * 128 + c] as number;
          if (node === 0) break;
          const owner = seqOwner[node];
          if (owner === SEQ_DE) de += 0.25;
          else if (owner === SEQ_EN) en += 0.25;
        }
      }
    }
    score[DE] = (score[DE] as number) + de;
    score[EN] = (score[EN] as number) + en;
  }
  if (words > 0 && NON_ASCII.test(lower)) addCharSignals(lower, score);
  let best: Profile = 'de';
  let second = -1;
  let bestScore = -1;
  for (let i = 0; i < PROFILES.length; i++) {
    const s = score[i] as number;
    if (s > bestScore) {
      second = bestScore;
      bestScore = s;
      best = PROFILES[i] as Profile;
    } else if (s > second) second = s;
  }
  // Below this there is no usable evidence (e.g. "@brand 😡", a URL, a product name): fall back to the hint.
  if (bestScore < 1) {
    const h = hint?.toLowerCase().slice(0, 2);
    return { lang: h === 'de' || h === 'en' ? h : 'other', confidence: 0 };
  }
  const lang: Lang = best === 'de' || best === 'en' ? best : 'other';
  return { lang, confidence: bestScore - Math.max(second, 0) };
}
