/**
 * What a lone author string in an export says about the poster. Research dumps and scrapers write the poster as one
 * cell or field ("kathi_l", "@kathi_l", "Kathi Lehmann", "1234567", a pseudonymised hash). A handle lets a brand's
 * "@kathi_l …" reply be placed under the customer's post and names the customer in alerts; read as an opaque id it did
 * neither (QA round 6: every brand reply in such a file was placed nowhere, every alert said "Beschwerde von Kunde").
 */

// X allows 15 characters, other networks (Instagram, TikTok) dots and up to 30.
const HANDLE = /^@?([\p{L}\p{N}_.]{1,30})$/u;
// Pseudonymised ids (sha-256 / md5 hex) and plain numbers look like handles but name no one.
const OPAQUE_ID = /^(?:\d+|[0-9a-f]{16,})$/i;
const NAME = /^(?=.*\p{L})[\p{L}\p{M}\p{N} .'’-]{3,100}$/u;

export interface AuthorCell {
  handle?: string;
  name?: string;
}

/** The handle or display name a lone author string holds; neither for an id. */
export function readAuthorCell(cell: string): AuthorCell {
  const value = cell.trim();
  const handle = HANDLE.exec(value)?.[1];
  if (handle !== undefined) {
    const id = value.startsWith('@') ? false : OPAQUE_ID.test(handle);
    return id || !/\p{L}/u.test(handle) || handle.endsWith('.') ? {} : { handle };
  }
  return /\s/u.test(value) && NAME.test(value) ? { name: value } : {};
}

/** True for a column that holds ids by its name (`author_id`, `user.id_str`, `from.id`): its cells are never handles. */
export function isIdColumn(column: string): boolean {
  return /(?:^|[._])id(?:_str)?$/u.test(column);
}
