/**
 * Text normalisation shared by the feed and API sources: HTML to plain text, length bound with a visible
 * marker, and byte decoding by declared charset.
 */
import he from 'he';
import { convert } from 'html-to-text';
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

/** Plain text from an HTML fragment (entities decoded, blocks as line breaks, at most one blank line). */
export function htmlToPlainText(html: string): string {
  return convert(html, HTML_OPTIONS).replace(/\n{3,}/g, '\n\n').trim();
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

/**
 * Decodes a document by its charset: the Content-Type parameter wins (HTTP says so), then a byte-order mark,
 * then the XML declaration, then UTF-8. Invalid UTF-8 is decoded with replacement characters and reported.
 */
export function decodeXmlBytes(bytes: Uint8Array, contentType: string | null): Decoded {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const header = /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '')?.[1];
  const xmlDeclared = /^<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(Buffer.from(bytes.subarray(0, 256)).toString('latin1').replace(/^ï»¿/, ''))?.[1];
  const declared = header ?? (bom ? 'utf-8' : undefined) ?? xmlDeclared ?? 'utf-8';
  const charset = declared.toLowerCase();
  if (charset === 'utf-8' || charset === 'utf8') {
    try {
      return { text: stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes)), charset: 'utf-8' };
    } catch {
      // A server labelling every file UTF-8 is common; when the document itself declares another charset and
      // the bytes are not UTF-8, the document is right.
      const own = xmlDeclared?.toLowerCase();
      if (header && own && own !== 'utf-8' && own !== 'utf8' && iconv.encodingExists(own)) {
        return { text: stripBom(iconv.decode(Buffer.from(bytes), own)), charset: own, problem: `Content-Type says ${header} but the bytes are not; decoded as ${xmlDeclared} from the XML declaration` };
      }
      const text = stripBom(new TextDecoder('utf-8').decode(bytes));
      const bad = (text.match(/\uFFFD/g) ?? []).length;
      return { text, charset: 'utf-8', problem: `invalid UTF-8: ${bad} byte sequence(s) replaced with U+FFFD` };
    }
  }
  if (!iconv.encodingExists(charset)) {
    return { text: stripBom(new TextDecoder('utf-8').decode(bytes)), charset: 'utf-8', problem: `unknown charset "${declared}", decoded as UTF-8` };
  }
  return { text: stripBom(iconv.decode(Buffer.from(bytes), charset)), charset };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
