/**
 * Fees named after what they are charged for: "Versandgebühr", "Liefergebühr", "Verspätungszuschlag", "Zustellentgelt",
 * "delivery fee", "shipping charge", "service fee". Such a name is about money, so it is billing (intents.ts); its
 * first part names the occasion, not a failure: "Verspätungszuschlag" reports no delay and "Versandkosten" no delivery
 * problem, while the topic and failure patterns read "versand*", "liefer*", "verspätung*" and "delivery" there. German
 * joins the occasion and the fee into one word, so the fee is found as the word's end; English puts the occasion in
 * front ("delivery fee").
 */

export interface FeeName {
  /** Offsets in `PreparedText.lower` of the whole name, occasion included. */
  span: [number, number];
  /** The fee is new or raised ("neue Versandgebühr", "delivery fee went up"): a billing problem, not only its topic. */
  problem: boolean;
  /** "free of charge", "at no extra charge": the words of a fee that is not charged. */
  free?: true;
}

// At least three letters before the German ending, so "Kosten" alone (also a verb) stays out; a fee word alone is a
// topic word of its own (intents.ts "gebühr*").
const GERMAN_FEE =
  /(?<![\p{L}\p{N}])\p{L}[\p{L}-]{2,}(?:gebühr|gebühren|gebuehr|gebuehren|zuschlag|zuschläge|zuschlaege|entgelt|entgelte|pauschale|pauschalen|aufpreis|kosten)(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?:zuschlag|zuschläge|entgelt|pauschale|aufpreis)(?![\p{L}\p{N}])/gu;
// The occasion in front, up to two words, is part of the name ("late delivery surcharge"); the fee word is the group.
const ENGLISH_FEE = /(?<![\p{L}\p{N}])(?:\p{L}[\p{L}'-]* ){0,2}(fee|fees|charge|charges|surcharge|surcharges)(?![\p{L}\p{N}])/gu;
// "free of charge", "at no extra charge": no fee at all.
const NO_FEE = /(?:free of|no|no extra|without|at no|at no extra) (?:charge|charges|fee|fees)$/u;
// A quick test before the scans: most posts name no fee.
const ANY_FEE = /gebühr|gebuehr|zuschl|entgelt|pauschale|aufpreis|kosten|fee|charge/u;

const NEW_BEFORE =
  /(?:^|[^\p{L}])(?:neue[nrs]?|plötzlich|neuerdings|auch noch|extra|zusätzliche?[nrs]?|versteckte?[nrs]?|new|hidden|surprise|unexpected|additional|random|sneaky)(?: (?:eine|einen|ein|a|an|the|this|that))?(?: \p{N}+(?:[,.]\p{N}+)? ?(?:€|euro|eur|£|\$)?| [€£$]\p{N}+(?:[,.]\p{N}+)?)? ?$/u;
const RAISED_AFTER = /^(?: [\p{L}\p{N},.€£$]+){0,4}? (?:erhöht|verdoppelt|gestiegen|angehoben|went up|gone up|goes up|going up|increased|doubled|hiked|rose)(?![\p{L}])/u;

/** The fee names of a lower-cased post, in order. */
export function feeNames(lower: string): FeeName[] {
  if (!ANY_FEE.test(lower)) return [];
  const out: FeeName[] = [];
  for (const re of [GERMAN_FEE, ENGLISH_FEE]) {
    re.lastIndex = 0;
    for (let m = re.exec(lower); m !== null; m = re.exec(lower)) {
      const start = m.index;
      const end = start + m[0].length;
      if (NO_FEE.test(lower.slice(Math.max(0, start - 12), end))) {
        out.push({ span: [start, end], problem: false, free: true });
        continue;
      }
      // Whether the fee is new or raised is read around the fee word ("hidden fees": the occasion says it).
      const feeStart = m[1] === undefined ? start : end - m[1].length;
      const problem = NEW_BEFORE.test(lower.slice(Math.max(0, feeStart - 30), feeStart)) || RAISED_AFTER.test(lower.slice(end, end + 60));
      out.push({ span: [start, end], problem });
    }
  }
  return out.sort((a, b) => a.span[0] - b.span[0]);
}
