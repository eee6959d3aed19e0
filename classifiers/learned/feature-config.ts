/**
 * What the feature extractor (features.ts) extracts, as a model file records it: training and inference must
 * agree on every switch, so the config travels with the weights (model-file.ts validates it on load).
 */
/** Stored in every model file: inference must extract exactly what training extracted. */
export interface FeatureConfig {
  /** log2 of the hash space. */
  bits: number;
  /** 1 = unigrams only, 2 = uni + bigrams. */
  wordNgrams: 1 | 2;
  /** Character n-gram range over the normalised token stream; charMax 0 disables them. */
  charMin: number;
  charMax: number;
  /** Scale of each L2-normalised block: how much words versus characters count. */
  wordWeight: number;
  charWeight: number;
  /** Mark the tokens after a negator ("nicht gut" → neg:gut) instead of counting "gut" as praise. */
  negation: boolean;
  /** Emoji, emoticons, elongation, capitals, punctuation runs. */
  surface: boolean;
  /** Sum of lexicon polarities (pattern.de / AFINN) as two features. */
  lexicon: boolean;
  /**
   * Whether @handles are features. false: the post is read as if its handles were not there, so a complaint
   * scores the same whether it addresses the brand ("@DB_Bahn …"), names it, or is a comment on the brand's
   * page. Absent in older model files, which counted them (true).
   */
  mentions: boolean;
  /** Whether links are features (false: read as if cut out). Absent in older model files, which counted them (true). */
  links: boolean;
}

export const DEFAULT_FEATURES: FeatureConfig = {
  bits: 20,
  wordNgrams: 2,
  charMin: 3,
  charMax: 5,
  wordWeight: 1,
  charWeight: 1,
  negation: true,
  surface: true,
  lexicon: false,
  mentions: true,
  links: true,
};
