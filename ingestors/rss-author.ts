/**
 * RSS 2.0 defines `<author>` as the author's e-mail address, written `jane@example.com (Jane Doe)` by convention;
 * feeds also send `Jane Doe <jane@example.com>` or the bare address. An address is personal data that has no place
 * on a dashboard or in an author id (ids are indexed, grouped and exported), so only the name is shown; an author
 * with no name is told apart by a hash of the address.
 */
import { createHash } from 'node:crypto';

export interface FeedAuthor {
  /** What to show; undefined when the feed gives only an address. */
  name?: string;
  /** Stands in for the name in the author id when there is none: `mail-<hash of the address>`. */
  anonymousKey?: string;
}

const ADDRESS = String.raw`(?:mailto:)?[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+`;
const BARE = new RegExp(`^<?(${ADDRESS})>?$`, 'i');
/** `jane@example.com (Jane Doe)` and `Jane Doe (jane@example.com)`. */
const ADDRESS_THEN_NAME = new RegExp(`^(${ADDRESS})\\s*\\((.*)\\)$`, 'i');
const NAME_THEN_ADDRESS = new RegExp(`^(.*?)\\s*[<(](${ADDRESS})[>)]$`, 'i');

export function readFeedAuthor(raw: string | undefined): FeedAuthor {
  const text = raw?.trim();
  if (!text) return {};
  const addressFirst = ADDRESS_THEN_NAME.exec(text);
  if (addressFirst) return named(addressFirst[2], addressFirst[1]!);
  const nameFirst = NAME_THEN_ADDRESS.exec(text);
  if (nameFirst) return named(nameFirst[1], nameFirst[2]!);
  const bare = BARE.exec(text);
  if (bare) return { anonymousKey: addressKey(bare[1]!) };
  return { name: text };
}

/** The name beside an address, unquoted; an empty one leaves only the address's hash. */
function named(name: string | undefined, address: string): FeedAuthor {
  const clean = name?.trim().replace(/^(["'])(.*)\1$/, '$2').trim();
  return clean ? { name: clean } : { anonymousKey: addressKey(address) };
}

/** Addresses are case-insensitive in practice (RFC 5321 allows otherwise, mail providers do not). */
function addressKey(address: string): string {
  const normalised = address.replace(/^mailto:/i, '').toLowerCase();
  return `mail-${createHash('sha256').update(normalised).digest('hex').slice(0, 12)}`;
}
