/**
 * Phrases with which a customer ends their own matter, for the unanswered tracker (unanswered-cues.ts weighs them with
 * the cue model): it is solved ("hat sich erledigt", "working again"), what they waited for came after all ("kam
 * jetzt doch", "it arrived after all"), the service is back ("Strom ist wieder da"), or it was their own mistake
 * ("my bad", "lag an mir"). Also what to look past when reading a thank-you note: the service act thanked for ("thanks
 * for the quick refund": the refund is no failure), the brand let off the hook ("kann man euch nichts vorwerfen"), and a
 * hedge with a question mark ("thanks I think?") that asks nobody anything.
 */
import { wordsRe } from './whole-words.ts';

/** "jetzt", "nun", "endlich", … between a verb and what it reports: "ist jetzt wieder da", "kam dann doch". */
const NOW_DE = '(?:(?:jetzt|nun|endlich|grad|gerade|eben|dann|inzwischen|mittlerweile|schon|bereits)\\s+)?';

/**
 * What keeps a customer's service going, as they name it when it is back: "Strom ist wieder da", "Internet läuft
 * wieder". Only these: "Der Fehler ist wieder da" is the opposite.
 */
const SUPPLY_DE = 'strom|internet|netz|wlan|empfang|wasser|warmwasser|heizung|gas|licht|verbindung|signal|fernsehen|tv|telefon|festnetz|app|zugang|konto';
const SUPPLY_EN = 'power|electricity|internet|wifi|wi-fi|broadband|signal|service|connection|network|water|hot\\s+water|heating|gas|app|site|website|account|tv';

const SOLVED = wordsRe(
  [
    // Solved or sorted out, also elsewhere: "hat sich erledigt", "alles geklärt", "per DM geklärt", "ist behoben".
    'hat\\s+(?:sich\\s+)?(?:erledigt|geklappt|funktioniert|geklärt)',
    '(?:alles|per\\s+(?:dm|pn|mail|e-mail|telefon|chat)|telefonisch|am\\s+telefon|im\\s+chat|inzwischen|mittlerweile)\\s+(?:geklärt|erledigt|gelöst|behoben)',
    `(?:ist|is|wurde|wurd|sind|san)\\s+${NOW_DE}(?:geklärt|erledigt|gelöst|behoben)`,
    '(?:selbst|selber|doch\\s+noch)\\s+(?:gefunden|gelöst|hinbekommen)',
    'problem\\s+(?:ist\\s+)?(?:gelöst|behoben)',
    'passt(?:\\s+jetzt)?',
    '(?:geht|läuft|funktioniert|rennt)\\s+(?:jetzt\\s+|wieder\\s+)?wieder',
    'nvm|never\\s*mind|found\\s+it|figured\\s+it\\s+out|sorted\\s+it|problem\\s+solved|(?:all\\s+)?sorted|works\\s+now|working\\s+(?:now|again)|solved|fixed\\s+now',
    '(?:sorted|resolved|cleared\\s+up)\\s+(?:via|by|over|in)\\s+(?:dm|email|e-mail|phone|chat)',
    // Solved by themselves, however worded (QA round 12: "Managed to sort it through the website in the end"): "managed
    // to fix it", "got it sorted", "fixed it myself", "sorted it out in the end". Not "you haven't fixed it": the
    // verb needs who did it, or how it ended, beside it.
    '(?:managed|was\\s+able|were\\s+able)\\s+to\\s+(?:sort|fix|solve|resolve|figure)\\s+(?:it|this|that|everything)(?:\\s+out)?',
    '(?:got|get)\\s+(?:it|this|that|everything)\\s+(?:sorted|fixed|solved|resolved|working)(?:\\s+out)?\\s+(?:myself|ourselves|in\\s+the\\s+end|eventually|now|after\\s+all)|(?:finally|eventually)\\s+got\\s+(?:it|this|that)\\s+(?:sorted|fixed|solved|resolved|working)',
    '(?:fixed|solved|resolved|sorted)\\s+(?:it|this|that)\\s+(?:out\\s+)?(?:myself|ourselves|in\\s+the\\s+end|eventually|after\\s+all)',
    // What they waited for came after all: "kam jetzt doch", "ist doch noch angekommen", "it arrived after all".
    `kam(?:en)?\\s+${NOW_DE}doch(?:\\s+noch)?`,
    `(?:ist|is|sind|san)\\s+${NOW_DE}doch(?:\\s+noch)?\\s+(?:angekommen|gekommen|eingetroffen|eingegangen|da|do|durch)`,
    'doch\\s+noch\\s+(?:angekommen|gekommen|eingetroffen|eingegangen|geliefert)',
    '(?:came|arrived|turned\\s+up|showed\\s+up|went\\s+through|came\\s+through)\\s+(?:after\\s+all|in\\s+the\\s+end|eventually|now|just\\s+now)',
    '(?:just|finally)\\s+(?:came|arrived|turned\\s+up|showed\\s+up|came\\s+through|went\\s+through)',
    // The money came: "refund showing now", "Gutschrift ist da", "Geld ist angekommen".
    '(?:refund|money|payment|credit|erstattung|rückerstattung|gutschrift|geld|betrag)\\s+(?:(?:is|has|ist|is\\s+now|has\\s+now|ist\\s+jetzt|ist\\s+nun)\\s+)?(?:showing(?:\\s+up)?|through|arrived|received|landed|came\\s+through|angekommen|eingegangen|gutgeschrieben|da)(?:\\s+now|\\s+jetzt)?',
    // The service is back: "Strom is wieder do", "haben wieder Internet", "power's back on".
    `(?:${SUPPLY_DE})\\s+(?:ist|is|sind|san|war|kam|kommt)\\s+${NOW_DE}wieder\\s+(?:da|do|dou|online|an|zurück|verfügbar)`,
    `(?:hab|habe|haben|hamma|hama|hob|hom|hend|hän)\\s+${NOW_DE}wieder\\s+(?:${SUPPLY_DE})`,
    `(?:${SUPPLY_EN})(?:\\s+(?:is|are)|'s|’s)\\s+(?:now\\s+|finally\\s+)?back(?:\\s+(?:on|online|up))?`,
  ].join('|'),
);

/**
 * The customer takes their request back: it was their own mistake ("my bad", "lag an mir", "war wohl mein WLAN").
 * A hedge is required before "mein …": "war mein Konto gesperrt" reports a failure.
 */
const WITHDRAWN = wordsRe(
  [
    'my\\s+(?:bad|mistake|fault|error)',
    'user\\s+error',
    '(?:on|at)\\s+my\\s+(?:end|side)',
    'ignore\\s+(?:me|that|my\\s+(?:last|previous)\\s+(?:tweet|message|post|comment))',
    'mein\\s+fehler|meine\\s+schuld|(?:selbst|selber)\\s+schuld',
    '(?:lag|liegt|war)\\s+(?:wohl\\s+|doch\\s+|halt\\s+|eh\\s+|dann\\s+doch\\s+)?(?:an|bei)\\s+mir',
    '(?:lag|war)\\s+(?:wohl|doch|halt|eh|dann\\s+doch)\\s+(?:an\\s+)?mein(?:e[mnr]?)?\\s+\\p{L}+',
    'vergesst\\s+(?:es|meine\\s+frage)|vergiss\\s+es',
  ].join('|'),
);

/** Whether the text says the customer's matter is solved, came after all, or is back. */
export function saysSolved(bare: string): boolean {
  return SOLVED.test(bare);
}

/** Whether the customer takes the request back as their own mistake ("my bad", "lag an mir"). */
export function saysOwnMistake(bare: string): boolean {
  return WITHDRAWN.test(bare);
}

/**
 * A service act thanked for, with at most a kind adjective: "thanks for the quick refund", "Danke für die schnelle
 * Erstattung", "danke fürs Reparieren", "danke für die Hilfe beim Umzug". What one thanks for is no failure, though the
 * cue model reads "refund" as one, and help thanked for is none asked for (QA round 11: a Christmas thank-you "danke für
 * die Hilfe beim Umzug" waited as a request for help). Not "thanks for the late refund": only adjectives of praise, so
 * sarcasm keeps its words; not "danke im Voraus für eure Hilfe", which asks.
 */
const THANKED_FOR = wordsRe(
  '(?:thanks?|thank\\s+you|thx|cheers|danke(?:sch(?:ö|oe)n)?|vielen\\s+dank|merci)\\s+(?:so\\s+much\\s+|a\\s+lot\\s+)?(?:for|für|fürs)\\s+(?:all\\s+)?(?:the\\s+|your\\s+|my\\s+|die\\s+|den\\s+|das\\s+|eure\\s+|euren\\s+|ihre\\s+|ihren\\s+)?(?:(?:quick|fast|speedy|prompt|swift|full|easy|super\\s+quick|great|kind|schnelle[nr]?|rasche[nr]?|prompte[nr]?|unkomplizierte[nr]?|flotte[nr]?|nette[nr]?|tolle[nr]?)\\s+)?(?:refund|refunds|replacement|repair|fix|credit|help|assistance|support|erstattung|rückerstattung|gutschrift|ersatz|reparatur|reparieren|umtausch|austausch|hilfe|unterstützung)',
);

/**
 * The brand let off the hook: "da kann man euch nichts vorwerfen", "nicht eure Schuld", "not your fault", "can't
 * blame you for the weather". Blame words under a negation the learned model reads as blame.
 */
const EXONERATES_SOURCE = [
    '(?:kann|ko|koa|konn)\\s+(?:man|ma)\\s+(?:euch|eich|ihnen|dir|eana)\\s+(?:ja\\s+|eh\\s+|wirklich\\s+)?(?:nichts|nix|nüt|nüüt|nischt|koan\\w*|kein\\w*)\\s+vorwerfen',
    '(?:ist|is|isch|war|woar)\\s+(?:ja\\s+|doch\\s+|eh\\s+)?(?:nicht|ned|net|nid|nöd)\\s+(?:eure|eire|ihre)\\s+schuld',
    '(?:da|dafür|dafia)\\s+(?:könnt|kennts?|könnt\'s|kennt\'s)\\s+(?:ihr|es)\\s+(?:ja\\s+|eh\\s+)?(?:nichts|nix)',
    "not\\s+your\\s+fault|can(?:'|’)?t\\s+blame\\s+(?:you|u)|(?:you|u)\\s+(?:can(?:'|’)?t|couldn(?:'|’)?t)\\s+help\\s+(?:that|the\\s+weather)",
].join('|');
const EXONERATES = wordsRe(EXONERATES_SOURCE);

/** Whether the text lets the brand off the hook ("kann man euch nichts vorwerfen", "not your fault"). */
export function exoneratesBrand(bare: string): boolean {
  return EXONERATES.test(bare);
}

/**
 * Spite at the brand beside a matter solved elsewhere: "Sorted it at the airport desk in the end, no thanks to you",
 * "Hat sich erledigt, ganz ohne eure Hilfe". It says who did not help and leaves nothing open (QA round 11: its "no"
 * kept the customer waiting); only in a note that says the matter is solved, so "no thanks to you, still broken" and a
 * plain "no thanks to you" keep their words.
 */
const SPITE = wordsRe(
  "no\\s+thanks\\s+to(?:\\s+(?:you|u|y(?:'|’)?all|them|your\\s+\\p{L}+))?|(?:with\\s+)?no\\s+help\\s+(?:at\\s+all\\s+)?from\\s+(?:you|u|y(?:'|’)?all|them)|(?:ganz\\s+)?ohne\\s+(?:eure|ihre|deine)\\s+hilfe|nicht\\s+dank\\s+(?:euch|ihnen|dir)|kein\\s+dank\\s+an\\s+(?:euch|sie|dich)",
  'giu',
);

/** "thanks I think?", "danke glaub ich?": a hedge with a question mark asks nobody anything. */
const HEDGED_QUESTION = /(?<![\p{L}])(?:i\s+think|i\s+guess|i\s+suppose|glaub(?:e)?\s+ich|denk(?:e)?\s+ich)\s*\?+/giu;

/**
 * The text as a thank-you or closing note is judged: without hedged question marks, the service acts thanked for, the
 * brand's exoneration and, once the matter is solved, the spite at the brand, whose words would otherwise read as a
 * question, a request, a failure, blame or something left open.
 */
export function gratitudeWithoutItsObjects(bare: string): string {
  const plain = bare.replace(HEDGED_QUESTION, ' ').replace(new RegExp(THANKED_FOR.source, 'giu'), ' thanks ').replace(wordsRe(EXONERATES_SOURCE, 'giu'), ' ');
  return saysSolved(plain) ? plain.replace(SPITE, ' ') : plain;
}
