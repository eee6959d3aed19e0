/**
 * A tiny escaping template for the server-rendered page shells: every interpolated value is HTML-escaped
 * unless it is itself a `SafeHtml` produced by this tag. Post text never goes through here (pages load it
 * via the API and set it as textContent), but labels and query values echoed into forms do.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

type Part = SafeHtml | string | number | undefined | null | false | ReadonlyArray<SafeHtml>;

function render(part: Part): string {
  if (part === undefined || part === null || part === false) return '';
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return part.map((p: SafeHtml) => p.value).join('');
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/**
 * JSON for a `<script type="application/json">` data block: `<` is escaped so no string inside can close
 * the element, and the block is never executed (CSP allows no inline script anyway).
 */
export function jsonDataBlock(value: unknown): SafeHtml {
  const json = JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return new SafeHtml(json);
}
