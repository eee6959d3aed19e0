/**
 * Text normalisation shared by the feed and API sources: HTML to plain text, length bound with a visible
 * marker, and byte decoding by declared charset.
 */
import he from 'he';
import { compile } from 'html-to-text';
import iconv from 'iconv-lite';
import { MAX_TEXT_CHARS } from '../src/model.ts';

const HTML_OPTIONS = {
  wordwrap: false as const,
  selectors: [
    // Script and style bodies are code, not what anybody wrote; a feed that embeds them must not leak them.
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'noscript', format: 'skip' },
    { selector: 'img', format: 'skip' },
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
  ],
};

/** Compiled once: `convert` compiles the options on every call, most of its time on short feed items. */
const toText = compile(HTML_OPTIONS);

/** Plain text from an HTML fragment (entities decoded, blocks as line breaks, at most one blank line). */
export function htmlToPlainText(html: string): string {
  return toText(html).replace(/\n{3,}/g, '\n\n').trim();
}

/** X sends `&amp;`, `&lt;`, `&gt;` escaped in tweet text. */
export function decodeEntities(text: string): string {
  return he.decode(text);
}

export interface Truncated {
  text: string;
  /** Characters cut off; 0 when the text fitted. */
  cut: number;
}

/** Bounds text to MAX_TEXT_CHARS, ending in a marker that says how much was cut (analysts must see it). */
export function truncateText(text: string, max: number = MAX_TEXT_CHARS): Truncated {
  if (text.length <= max) return { text, cut: 0 };
  const marker = (cut: number): string => ` […gekürzt: ${cut} Zeichen / truncated: ${cut} characters]`;
  // The marker's length depends on the number in it; reserve room for the widest number.
  const keep = max - marker(text.length).length;
  let head = text.slice(0, keep);
  // Never split a surrogate pair (an emoji) in half.
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  const cut = text.length - head.length;
  return { text: head + marker(cut), cut };
}

export interface Decoded {
  text: string;
  charset: string;
  /** Set when bytes did not fit the charset and were replaced (U+FFFD): the reason to log. */
  problem?: string;
}

/** Byte-order marks and the encoding each announces. */
const BYTE_ORDER_MARKS: ReadonlyArray<{ bytes: readonly number[]; charset: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], charset: 'utf-8' },
  { bytes: [0xff, 0xfe], charset: 'utf-16le' },
  { bytes: [0xfe, 0xff], charset: 'utf-16be' },
];

/**
 * Decodes a document by its charset: a byte-order mark first (it describes the very bytes that follow, so a
 * Content-Type that disagrees is wrong; browsers decide the same), then the Content-Type parameter (HTTP says
 * so), then the XML declaration, then UTF-8. Invalid UTF-8 is decoded with replacement characters and reported.
 */
export function decodeXmlBytes(bytes: Uint8Array, contentType: string | null): Decoded {
  const header = /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '')?.[1];
  const bom = byteOrderMark(bytes);
  if (bom) return decodeByByteOrderMark(bytes, bom, header);
  const xmlDeclared = /^<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(Buffer.from(bytes.subarray(0, 256)).toString('latin1'))?.[1];
  const declared = header ?? xmlDeclared ?? 'utf-8';
  const charset = declared.toLowerCase();
  if (isUtf8(charset)) return decodeUtf8(bytes, { header, xmlDeclared });
  if (header && xmlDeclared && isUtf8(xmlDeclared) && isSingleByteCharset(charset)) {
    // A server labelling everything Latin-1 while the document says UTF-8: multi-byte sequences that are valid
    // UTF-8 are all but impossible in real Latin-1 text, so the document is right (feed readers decide the same).
    const utf8 = strictUtf8(bytes);
    if (utf8 !== undefined && /[^\x00-\x7f]/.test(utf8)) {
      return { text: stripBom(utf8), charset: 'utf-8', problem: `Content-Type says ${header} but the XML declaration says ${xmlDeclared} and the bytes are UTF-8; decoded as UTF-8` };
    }
  }
  const text = decodeAs(bytes, charset);
  if (text === undefined) {
    return { text: stripBom(new TextDecoder('utf-8').decode(bytes)), charset: 'utf-8', problem: `unknown charset "${declared}", decoded as UTF-8` };
  }
  return { text: stripBom(text), charset };
}

function byteOrderMark(bytes: Uint8Array): string | undefined {
  return BYTE_ORDER_MARKS.find((bom) => bom.bytes.every((b, i) => bytes[i] === b))?.charset;
}

function decodeByByteOrderMark(bytes: Uint8Array, bom: string, header: string | undefined): Decoded {
  const decoded: Decoded = bom === 'utf-8' ? decodeUtf8(bytes) : { text: stripBom(iconv.decode(Buffer.from(bytes), bom)), charset: bom };
  if (!header || encodingFamily(header) === encodingFamily(bom)) return decoded;
  const conflict = `Content-Type says ${header} but the byte-order mark says ${bom}; decoded as ${bom}`;
  return { ...decoded, problem: decoded.problem ? `${conflict}; ${decoded.problem}` : conflict };
}

/** Labels of one encoding compared loosely: "UTF-16" covers both byte orders, "utf8" is "UTF-8". */
function encodingFamily(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]/g, '').replace(/^utf16(le|be)$/, 'utf16');
}

function isUtf8(charset: string): boolean {
  return encodingFamily(charset) === 'utf8';
}

/** iconv-lite first (the wider set of legacy charsets), then the WHATWG labels Node's TextDecoder knows. */
function decodeAs(bytes: Uint8Array, charset: string): string | undefined {
  if (iconv.encodingExists(charset)) return iconv.decode(Buffer.from(bytes), charset);
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return undefined;
  }
}

/** One byte per character: every one of the 256 byte values decodes on its own. */
function isSingleByteCharset(charset: string): boolean {
  const everyByte = Uint8Array.from({ length: 256 }, (_, i) => i);
  return decodeAs(everyByte, charset)?.length === 256;
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** UTF-8, or what the document itself declares when a Content-Type "utf-8" is contradicted by the bytes. */
function decodeUtf8(bytes: Uint8Array, labels: { header?: string; xmlDeclared?: string } = {}): Decoded {
  const strict = strictUtf8(bytes);
  if (strict !== undefined) return { text: stripBom(strict), charset: 'utf-8' };
  // A server labelling every file UTF-8 is common; when the document itself declares another charset and
  // the bytes are not UTF-8, the document is right.
  const { header, xmlDeclared } = labels;
  const own = xmlDeclared?.toLowerCase();
  if (header && own && !isUtf8(own) && iconv.encodingExists(own)) {
    return { text: stripBom(iconv.decode(Buffer.from(bytes), own)), charset: own, problem: `Content-Type says ${header} but the bytes are not; decoded as ${xmlDeclared} from the XML declaration` };
  }
  const text = stripBom(new TextDecoder('utf-8').decode(bytes));
  const bad = (text.match(/\uFFFD/g) ?? []).length;
  return { text, charset: 'utf-8', problem: `invalid UTF-8: ${bad} byte sequence(s) replaced with U+FFFD` };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
