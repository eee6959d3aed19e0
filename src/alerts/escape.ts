/**
 * Neutralising post text per platform. Post text is written by strangers: it must not ping a channel, format
 * itself into something that looks like our own message, or show a link label that hides a different target.
 */

/** Slack mrkdwn: `&`, `<`, `>` are the only characters Slack asks to escape; `<!channel>`/`<url|label>` die with them. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A zero-width space after "@" keeps the word readable but stops @channel/@here/@everyone/@all pings. */
export function defuseMentions(text: string): string {
  return text.replace(/@(?=(everyone|here|channel|all)\b)/gi, '@\u200B');
}

/**
 * Mattermost also notifies any user whose username follows an "@" (QA: a quoted tweet "@lena ..." pinged the
 * team's Lena), and post text from X is full of handles: every "@name" gets the zero-width space.
 */
export function defuseUserMentions(text: string): string {
  return text.replace(/@(?=[\p{L}\p{N}._\\-])/gu, '@\u200B');
}

/**
 * CommonMark-style escaping for Mattermost and Discord: inline markup everywhere, block markup (headings,
 * quotes, lists) at line starts, and `[label](url)` links, so a post cannot fake a link with a foreign label.
 */
export function escapeMarkdown(text: string): string {
  const inline = text.replace(/[\\`*_~|[\]()<]/g, (c) => `\\${c}`);
  const blocks = inline.replace(/^(\s*)(#{1,6}(?=\s|$)|>|[-+](?=\s)|\d+[.)](?=\s|$))/gm, (_m, ws: string, mark: string) =>
    // "1. " becomes "1\. ", since CommonMark ignores a backslash before a digit.
    /^\d/.test(mark) ? `${ws}${mark.slice(0, -1)}\\${mark.slice(-1)}` : `${ws}\\${mark}`,
  );
  return defuseMentions(blocks);
}

/** A URL safe inside a markdown link target: parentheses and spaces percent-encoded so it cannot close early. */
export function markdownLinkTarget(url: string): string {
  return url.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20').replace(/>/g, '%3E').replace(/</g, '%3C');
}

/** A markdown link with an escaped label of our own and an encoded target. */
export function markdownLink(url: string, label: string): string {
  return `[${escapeMarkdown(label)}](${markdownLinkTarget(url)})`;
}

/** A line of our own wording in markdown, as a link when it has a target. */
export function markdownLine(line: { text: string; url?: string }): string {
  return line.url ? markdownLink(line.url, line.text) : escapeMarkdown(line.text);
}

/** Quotes a block of text as markdown (`> ` before every line). */
export function quoteMarkdown(escaped: string): string {
  return escaped
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join('\n');
}
