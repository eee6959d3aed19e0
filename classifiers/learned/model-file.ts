/**
 * The shipped model file: provenance and licence up front (readable JSON), weights as base64 of
 * little-endian typed arrays (compact and byte-stable, so `train` twice gives identical files).
 */
import { z } from 'zod';

export const MODEL_FORMAT = 'kundenradar-linear/1';

export const FeatureConfigSchema = z
  .object({
    bits: z.number().int().min(12).max(24),
    wordNgrams: z.union([z.literal(1), z.literal(2)]),
    charMin: z.number().int().min(0),
    charMax: z.number().int().min(0),
    wordWeight: z.number(),
    charWeight: z.number(),
    negation: z.boolean(),
    surface: z.boolean(),
    lexicon: z.boolean(),
    mentions: z.boolean().default(true),
    links: z.boolean().default(true),
  })
  .strict();

export const TrainingFile = z
  .object({
    /** Path relative to the data directory, e.g. germeval2017/dev.xml. */
    file: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    documents: z.number().int(),
    licence: z.string(),
    source: z.string(),
  })
  .strict();
export type TrainingFile = z.infer<typeof TrainingFile>;

export const HeadSchema = z
  .object({
    /** One weight column per class (one-vs-rest); a binary head has one column for its positive class. */
    classes: z.array(z.string()).min(1),
    C: z.number().positive(),
    minDf: z.number().int().min(1),
    /** Trained as NB-SVM with this smoothing α (the log-count ratios are folded into the weights). */
    nbAlpha: z.number().positive().optional(),
    bias: z.array(z.number()),
    /** Platt parameters per column: P = 1 / (1 + exp(a·f + b)). */
    platt: z.array(z.object({ a: z.number(), b: z.number() }).strict()),
  })
  .strict();
export type Head = z.infer<typeof HeadSchema>;

export const ModelFileSchema = z
  .object({
    format: z.literal(MODEL_FORMAT),
    name: z.string(),
    lang: z.enum(['de', 'en']),
    licence: z.string(),
    nonCommercial: z.boolean(),
    /** Newest post in the training data (from Twitter snowflake ids), not the build time: keeps builds byte-identical. */
    dataDate: z.string(),
    trainingData: z.array(TrainingFile),
    /**
     * Content keys of every training document (document-keys.ts, base64): `eval` leaves out documents the model
     * learned from, however the file holding them was copied. Absent in older model files.
     */
    trainingDocuments: z.string().optional(),
    features: FeatureConfigSchema,
    complaint: z
      .object({
        /** Which head and column score complaints (German: the negative column of the sentiment head). */
        head: z.string(),
        column: z.number().int().min(0),
        /** Calibrated probability at or above which a post counts as a complaint (chosen by CV for F1). */
        threshold: z.number().min(0).max(1),
      })
      .strict(),
    heads: z.record(z.string(), HeadSchema),
    /** Sorted hashed feature indices shared by all heads (base64 Int32 LE). */
    featureIndex: z.string(),
    /** Per head: weights [feature][column] interleaved (base64 Float32 LE). */
    weights: z.record(z.string(), z.string()),
    /** Figures measured by the training command (CV on the training data; held-out files when given). */
    scores: z.record(z.string(), z.number()),
    notes: z.array(z.string()),
  })
  .strict();
export type ModelFile = z.infer<typeof ModelFileSchema>;

export function encodeInt32(a: Int32Array): string {
  return Buffer.from(littleEndian(a.buffer, a.byteOffset, a.byteLength)).toString('base64');
}

export function encodeFloat32(a: Float32Array): string {
  return Buffer.from(littleEndian(a.buffer, a.byteOffset, a.byteLength)).toString('base64');
}

export function decodeInt32(s: string): Int32Array {
  const b = Buffer.from(s, 'base64');
  const out = new Int32Array(b.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = b.readInt32LE(i * 4);
  return out;
}

export function decodeFloat32(s: string): Float32Array {
  const b = Buffer.from(s, 'base64');
  const out = new Float32Array(b.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = b.readFloatLE(i * 4);
  return out;
}

function littleEndian(buf: ArrayBufferLike, offset: number, length: number): Uint8Array {
  const bytes = new Uint8Array(buf, offset, length);
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] === 1) return bytes.slice();
  // Big-endian host: swap each 4-byte word so files are the same on every machine.
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i += 4) {
    out[i] = bytes[i + 3] as number;
    out[i + 1] = bytes[i + 2] as number;
    out[i + 2] = bytes[i + 1] as number;
    out[i + 3] = bytes[i] as number;
  }
  return out;
}

/** Stable serialisation: keys in schema order, two-space indent, trailing newline. */
export function serialiseModel(m: ModelFile): string {
  return `${JSON.stringify(ModelFileSchema.parse(m), null, 2)}\n`;
}
