/**
 * Blame, the top of the X-CI severity scale (4), as this project reads it: the customer takes the matter beyond the
 * company (a lawyer, a regulator, an arbitration board, a court), or the failure put someone's health or safety at
 * risk (a wrong dose, medicine stuck or running out, an injury, dangerous driving, no power, water or heating with a
 * baby or a sick person at home). Outrage, scam words and insults condemn the company but stay an accusation (3):
 * they are how an angry post sounds, while escalation and harm are what a care team must not leave for tomorrow (a
 * severity-4 complaint opens a critical alert, complaint-alerts.ts). Shared by the phrase rules (learned/severity.ts)
 * and the cue model (cues.ts), so that both grade on the same scale.
 */
import { phraseLists, phrases, preceded } from './whole-words.ts';

const W = String.raw`[\p{L}\p{N}'’-]+`;
/** Up to `n` words in between. */
const gap = (n: number): string => `(?:${W} ){0,${n}}`;

// Beyond the company: lawyers and courts, consumer bodies, regulators and arbitration boards of Germany, Austria,
// Switzerland, the UK and the US.
const ESCALATION_PHRASES = [
  String.raw`anw[äa]lt(in|e)?`, String.raw`rechtsanw[äa]lt\p{L}*`, String.raw`anwaltlich\p{L}*`, String.raw`verbraucherzentrale`, String.raw`verbraucherschutz\p{L}*`,
  String.raw`konsumentenschutz`, String.raw`arbeiterkammer`, String.raw`vki`, String.raw`bafin`, String.raw`bundesnetzagentur`, String.raw`bnetza`, String.raw`schlichtungsstelle\p{L}*`,
  String.raw`schlichtung`, String.raw`söp`, String.raw`ombuds\p{L}*`, String.raw`datenschutzbeh[öo]rde`, String.raw`datenschutzbeauftragte\p{L}*`, String.raw`aufsichtsbeh[öo]rde`,
  String.raw`bundeskartellamt`, String.raw`kartellamt`, String.raw`e-?control`, String.raw`rtr`, String.raw`(strafanzeige|anzeige) (erstatten|erstattet|gestellt|stellen|ist raus)`, String.raw`polizei`,
  String.raw`vor (gericht|den richter|den kadi)`, String.raw`gerichtlich\p{L}*`, String.raw`klage`, String.raw`verklag\p{L}*`, String.raw`sammelklage\p{L}*`, String.raw`rechtliche schritte`,
  String.raw`rechtsweg`, String.raw`mahnbescheid beantrag\p{L}*`, String.raw`gesundheitsamt`, String.raw`lebensmittel(kontrolle|aufsicht)`, String.raw`veterin[äa]ramt`,
  String.raw`gewerbeaufsicht`, String.raw`mieterverein`, String.raw`(apotheker|[äa]rzte|zahn[äa]rzte|handwerks)kammer`,
  String.raw`health (department|inspectors?)`, String.raw`environmental health`, String.raw`food standards`,
  String.raw`lawyers?`, String.raw`attorneys?`, String.raw`solicitors?`, String.raw`legal (action|advice|proceedings)`, preceded(String.raw`(to|in|see you in|county|small claims) `, String.raw`court`),
  String.raw`court (case|claim|action)`, String.raw`small claims`, preceded(String.raw`(i'?ll|i will|gonna|going to|will|to) `, String.raw`sue`), String.raw`suing`, String.raw`sued`, String.raw`trading standards`,
  String.raw`ofcom`, String.raw`ofgem`, String.raw`ofwat`, String.raw`fca`, String.raw`financial conduct authority`, String.raw`cma`, String.raw`caa`, String.raw`civil aviation authority`,
  String.raw`ico`, String.raw`information commissioner`, String.raw`bbb`, String.raw`better business bureau`, String.raw`ftc`, String.raw`fcc`, String.raw`cfpb`, String.raw`attorney general`,
  String.raw`citizens advice`, String.raw`regulator`, String.raw`report(ed|ing)? (you|them|this|it) to`, String.raw`class action`, String.raw`police`,
];
const ESCALATION = phrases(ESCALATION_PHRASES);

// Harm that stands on its own: a wrong dose, an injury, dangerous driving, poisoning.
const HARM_PHRASES = [
  String.raw`falsche[nrs]? (dosis|dosierung|st[äa]rke|medikament\p{L}*|tabletten|arznei\p{L}*|wirkstoff)`, String.raw`wrong (dose|dosage|strength|medication|medicine|meds|pills|tablets|prescription|drug)`,
  String.raw`\d+ ?(mg|mcg|µg|ml|ie) (statt|anstatt|instead of|rather than) \d+`, String.raw`(statt|anstatt|instead of|rather than) (der |the )?\d+ ?(mg|mcg|µg|ml)`,
  preceded(String.raw`(mich|sich|uns|ihn|sie|mein(en)? (sohn|kind|tochter|mann|fu[ßs]|hand|arm|bein|kopf|r[üu]cken)) ${gap(2)}`, String.raw`verletzt`), String.raw`verletzt (am|an der|an den)`,
  String.raw`platzwunde`, String.raw`prellung(en)?`, String.raw`knochenbruch`, String.raw`gehirnersch[üu]tterung`, String.raw`schnittwunde`, String.raw`brandwunde`, String.raw`verbr[üu]h(t|ung)`,
  String.raw`(arm|bein|fu[ßs]|handgelenk|h[üu]fte|nase|zahn|rippe) gebrochen`, preceded(String.raw`(bin|ist|sind) ${gap(3)}`, String.raw`(gest[üu]rzt|hingefallen|ausgerutscht)`),
  String.raw`ins krankenhaus`, String.raw`im krankenhaus (gelandet|liegt|lag|liegen)`, String.raw`notaufnahme`, String.raw`lebensmittelvergiftung`, String.raw`allergische(n)? (reaktion|schock)`, String.raw`lebensgef[äa]hrlich`,
  String.raw`(fast|beinahe|knapp) ${gap(3)}(überfahren|angefahren|umgefahren|gerammt|einen unfall)`, `${preceded('(am|mit dem) ', 'handy')} ${gap(3)}(gefahren|f[äa]hrt|fuhr|am steuer)`,
  String.raw`(über|bei) rot gefahren`, String.raw`(rücksichtslos|gef[äa]hrlich|wie ein (irrer|henker|verrückter)) (gefahren|f[äa]hrt|fuhr|überholt)`,
  String.raw`injur(ed|y|ies)`, String.raw`hurt (myself|himself|herself|themselves)`, preceded(String.raw`(was|got|were|been|is|are) (badly |seriously )?`, String.raw`hurt`), String.raw`(ended up|taken|rushed) (in|to) (hospital|a&e|the er)`, String.raw`emergency room`,
  String.raw`stitches`, String.raw`concussion`, preceded(String.raw`(i|he|she|we|they|my ${W}) `, String.raw`(fell|slipped|tripped)`), String.raw`broke (my|his|her|their) (arm|leg|wrist|ankle|hip|nose|tooth)`,
  String.raw`food poisoning`, String.raw`allergic reaction`, String.raw`anaphyla\p{L}*`, String.raw`life[- ]threatening`, String.raw`could have (died|killed|hurt|injured)`,
  String.raw`(nearly|almost) (hit|ran over|run over|knocked|crashed|killed)`, `${preceded('(on|using) (his|her|their) ', 'phone')} (the whole|all the|while|whilst)`,
  String.raw`ran (a|the|two|several) red lights?`, String.raw`through a red light`, String.raw`(reckless|dangerous)(ly)? (driv\p{L}*|drove)`, String.raw`drove (recklessly|dangerously)`,
];

// Medicine that does not come or runs out: harm only when both are said ("Bestellung seit 5 Tagen in Bearbeitung" for
// an e-prescription is a plain delay).
const MEDICINE_PHRASES = [
  String.raw`medikament\p{L}*`, String.raw`arznei\p{L}*`, String.raw`insulin`, String.raw`tabletten`, String.raw`antibiotik\p{L}*`, String.raw`inhalator`, String.raw`asthmaspray`,
  String.raw`medicines?`, String.raw`medications?`, String.raw`meds`, String.raw`prescriptions?`, String.raw`inhaler`, String.raw`pills`, String.raw`antibiotics`, String.raw`epipen`,
];
const STUCK_OR_RUNNING_OUT = phrases([
  preceded(String.raw`(h[äa]ngt|h[äa]ngen|steckt|stecken|liegt|liegen) ${gap(5)}`, String.raw`fest`), String.raw`festgeh[äa]ngt`, String.raw`nur noch ${gap(3)}(vorrat|übrig|für|bis|tabletten|pens?|packungen?|dosen|tage?)`,
  preceded(String.raw`(nicht|nie) `, String.raw`(angekommen|geliefert|gekommen|verschickt)`), String.raw`vorrat (bis|für|reicht)`,
  String.raw`geht (mir |uns )?(heute |morgen |bald )?aus`, String.raw`ausgegangen`, String.raw`aufgebraucht`, String.raw`ohne (mein|meine|meinen) ${gap(1)}(medikament\p{L}*|insulin|tabletten)`,
  String.raw`stuck`, String.raw`run(ning)? out`, String.raw`ran out`, String.raw`out of (my )?${gap(1)}(meds|medication|medicine|insulin|pills|tablets|inhaler)`, String.raw`last (dose|pill|pen|tablet)`,
  String.raw`without (my )?${gap(1)}(meds|medication|medicine|insulin|inhaler)`,
  preceded(String.raw`(hasn'?t|has not|haven'?t|have not|never|still not) `, String.raw`(arrived|been delivered|come|turned up|been sent|shipped)`), String.raw`only ${gap(2)}left`,
]);

// No power, water or heating where someone cannot do without: a baby, a sick, old or disabled person.
const SUPPLY_CUT_PHRASES = [
  String.raw`kein(e|en)? (strom|wasser|warmwasser|warmes wasser|heizung|gas|heizw[äa]rme)`, String.raw`ohne (strom|wasser|heizung|gas)`, String.raw`stromausfall`, String.raw`heizungsausfall`,
  preceded(String.raw`(heizung|therme|boiler) ${gap(3)}`, String.raw`(kaputt|ausgefallen|aus|defekt)`),
  String.raw`no (power|electricity|water|running water|hot water|heating|heat|gas)`, String.raw`without (power|electricity|water|heating|heat|gas)`, String.raw`power (cut|outage)`,
  preceded(String.raw`(heating|boiler) ${gap(3)}`, String.raw`(broken|off|down|not working|stopped)`),
];
const VULNERABLE = phrases([
  String.raw`bab(y|ys|ies)`, String.raw`s[äa]ugling\p{L}*`, String.raw`neugeboren\p{L}*`, String.raw`kleinkind\p{L}*`, String.raw`schwanger\p{L}*`, String.raw`pflegebed[üu]rftig\p{L}*`,
  String.raw`bettl[äa]gerig\p{L}*`, String.raw`behindert\p{L}*`, String.raw`rollstuhl`, String.raw`sauerstoff\p{L}*`, String.raw`beatmung\p{L}*`, String.raw`dialyse`, String.raw`chemo\p{L}*`,
  preceded(String.raw`(ist|bin|sind) ${gap(1)}(schwer |chronisch )?`, String.raw`krank`), String.raw`kranke[nrs]? (kind|kinder|tochter|sohn|mutter|vater|mann|frau|oma|opa)`,
  String.raw`newborn`, String.raw`infant`, String.raw`toddler`, String.raw`pregnant`, String.raw`elderly`, String.raw`disabled`, String.raw`wheelchair`, String.raw`oxygen`, String.raw`ventilator`,
  String.raw`dialysis`, String.raw`vulnerable`, preceded(String.raw`(is|am|are|i'm|he's|she's) ${gap(1)}(seriously |chronically |very )?`, String.raw`(ill(?!-)|unwell)`),
  preceded(String.raw`(sick|ill|poorly) `, String.raw`(child|kid|kids|son|daughter|mother|father|mum|dad|husband|wife|partner|baby|grandma|grandad|nan)`),
]);

/** The words (lower-cased) take the matter beyond the company: a lawyer, a regulator, an arbitration board, a court. */
export function escalates(lower: string): boolean {
  return ESCALATION.test(lower);
}

/**
 * The lists whose phrases alone or with a second list make blame, for a caller that tests them in one pass with its
 * own lists (learned/severity.ts; whole-words.ts `phraseLists`); `blamesGiven` reads the result.
 */
export const BLAME_LISTS = {
  escalationOrHarm: [...ESCALATION_PHRASES, ...HARM_PHRASES],
  medicine: MEDICINE_PHRASES,
  supplyCut: SUPPLY_CUT_PHRASES,
};
export type BlameList = keyof typeof BLAME_LISTS;

/** Blame from the lists found in the post (lower-cased): the second lists are tested only where the first was found. */
export function blamesGiven(found: ReadonlySet<string>, lower: string): boolean {
  return found.has('escalationOrHarm') || (found.has('medicine') && STUCK_OR_RUNNING_OUT.test(lower)) || (found.has('supplyCut') && VULNERABLE.test(lower));
}

const blameLists = phraseLists(BLAME_LISTS);

/** The post (lower-cased) escalates beyond the company or reports harm to health or safety (see the header). */
export function blames(lower: string): boolean {
  return blamesGiven(blameLists(lower), lower);
}
