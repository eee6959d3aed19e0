/**
 * Links inside a feed may be relative ("/blog/post-1"): RSS 2.0 asks for absolute URLs, but WordPress setups,
 * static site generators and Atom with `xml:base` (RFC 4287 §2, XML Base) write them relative to the document.
 * A relative URL means nothing once the post is off its feed, so every link is resolved against the base that
 * applies to it: the entry's `xml:base`, else the feed's, else the URL the feed was fetched from.
 */
import { z } from 'zod';

/** XML attributes as xml2js hands them over (`$`), of which only `xml:base` is read. */
export const XmlAttributes = z.looseObject({ 'xml:base': z.string().optional() }).optional();
export type XmlAttributes = z.infer<typeof XmlAttributes>;

/** The base URL an element's children resolve against; an unusable `xml:base` leaves the outer base in force. */
export function baseOf(attributes: XmlAttributes, outer: string): string {
  return absoluteUrl(attributes?.['xml:base'], outer) ?? outer;
}

/** `href` resolved against `base`, if that yields an http(s) URL; `mailto:`, `javascript:` and junk give undefined. */
export function absoluteWebUrl(href: string | undefined, base: string): string | undefined {
  const url = absoluteUrl(href, base);
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

function absoluteUrl(href: string | undefined, base: string): string | undefined {
  const trimmed = href?.trim();
  if (!trimmed) return undefined;
  try {
    return new URL(trimmed, base).toString();
  } catch {
    return undefined;
  }
}
