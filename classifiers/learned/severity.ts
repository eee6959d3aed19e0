/**
 * Complaint severity 1..4 on the X-CI scale (Singh et al., ACL 2023): 1 no explicit reproach, 2 disapproval,
 * 3 accusation, 4 blame. The complaints corpus we have leaves its severity column empty, so nothing here is
 * learned: it is an ordered set of phrase rules written from the scale's definitions, the same for German
 * and English, and the highest level whose phrases occur wins. It is not measured against gold labels.
 */
import type { Lang } from '../../src/model.ts';

export type Severity = 1 | 2 | 3 | 4;

/** Whole-word alternation; `\b` is ASCII-only in JavaScript and would miss "ärgerlich", hence the lookarounds. */
function phrases(alternatives: string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'iu');
}

// Blame: the company is held responsible and condemned, or the customer escalates beyond the company.
const BLAME = phrases(
  [
    String.raw`(your|ur) fault`, String.raw`shame on (you|u)`, String.raw`disgrace(ful)?`, String.raw`never again`,
    String.raw`(lawyer|attorney|sue|suing|trading standards|ombudsman)`, String.raw`worst (company|service|customer service)`,
    String.raw`hold (you|u) responsible`, String.raw`unacceptable`,
    String.raw`(eure|ihre) schuld`, String.raw`schande`, String.raw`unversch[äa]mt(heit)?`, String.raw`frechheit`,
    String.raw`nie wieder`, String.raw`(anwalt|verbraucherzentrale|bundesnetzagentur|schlichtungsstelle)`,
    String.raw`inakzeptabel`, String.raw`zumutung`, String.raw`skandal`,
  ],
);

// Accusation: an assertion that the company did something wrong to the customer.
const ACCUSATION = phrases(
  [
    String.raw`(you|u)( have|'ve)? (charged|overcharged|lied|ignored|cancell?ed|lost|broke|failed|stole|ripped)`,
    String.raw`(scam|rip[- ]?off|fraud|liars?|lying|thie(f|ves)|stealing)`,
    String.raw`still (no|not|waiting|haven't)`, String.raw`(no one|nobody) (has )?(replied|responded|answered|got back)`,
    String.raw`(ihr|sie) (habt|haben) (mir|mich|uns)`, String.raw`(abzocke|betrug|betr[üu]ger|l[üu]gner|gelogen)`,
    String.raw`immer noch (kein|nicht)`, String.raw`keine (antwort|r[üu]ckmeldung|reaktion)`,
    String.raw`(ignoriert|abgezockt|verarscht|im stich gelassen)`,
  ],
);

// Disapproval: explicit negative evaluation or emotion, without saying who did what.
const DISAPPROVAL = phrases(
  [
    String.raw`(terrible|awful|horrible|useless|pathetic|ridiculous|disappointed|disappointing|annoyed|annoying|angry|furious|fed up|sick of|bad|poor|rubbish|joke)`,
    String.raw`(schlecht|schlimm|entt[äa]uscht|entt[äa]uschend|nervig|genervt|[äa]rgerlich|ver[äa]rgert|w[üu]tend|katastrophe|katastrophal|mies|peinlich|l[äa]cherlich|sauer|unm[öo]glich)`,
    '😡|🤬|😠|😤|👎|🙄',
    // Leaving over it is disapproval at least: "Cancelling my Streamly sub", "I'm done, porting my number", "Konto wird
    // gekündigt" were severity 1 wherever the learned side chose it (QA round 6).
    String.raw`(i'?m|i am|we'?re|we are) (leaving|cancell?ing|switching|porting|done with)`, String.raw`cancell?(ing|ed) (my|our)`,
    String.raw`porting (my|our) numbers?`, String.raw`(k[üu]ndige|gek[üu]ndigt|ich wechsle|bin weg)`,
  ],
);

/** Severity of a post read as a complaint; `lang` is accepted for symmetry, the rules hold both languages. */
export function ruleSeverity(text: string, _lang: Lang): Severity {
  if (BLAME.test(text)) return 4;
  if (ACCUSATION.test(text)) return 3;
  if (DISAPPROVAL.test(text)) return 2;
  return 1;
}
