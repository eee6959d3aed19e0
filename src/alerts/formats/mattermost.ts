/**
 * Mattermost incoming webhook (https://developers.mattermost.com/integrate/webhooks/incoming/): a markdown
 * `text` line plus one Slack-compatible attachment per alert (colour bar, fields). Mattermost pings on plain
 * "@channel"/"@all"/"@here" and on "@username", and renders markdown links, so post text is escaped and every
 * mention is defused.
 */
import { defuseUserMentions, escapeMarkdown, markdownLine, markdownLink, quoteMarkdown } from '../escape.ts';
import { bySeverity, moreLine, truncate, type AlertView } from '../wording.ts';

export interface MattermostAttachment {
  fallback: string;
  color: string;
  title: string;
  title_link?: string;
  text: string;
  fields: Array<{ short: boolean; title: string; value: string }>;
}

export interface MattermostPayload {
  text: string;
  attachments: MattermostAttachment[];
}

/** Attachments per digest: keeps the post well below Mattermost's message size limit. */
const MAX_ATTACHMENTS = 20;

/** Text we did not write (post text, authors, titles naming them), escaped and unable to ping anyone. */
function quiet(text: string): string {
  return defuseUserMentions(escapeMarkdown(text));
}

function attachment(view: AlertView, compact: boolean): MattermostAttachment {
  const l = view.labels;
  const parts = [quiet(view.summary)];
  for (const ex of view.examples.slice(0, compact ? 1 : 3)) {
    const by = ex.author ? `\n> — ${quiet(truncate(ex.author, 100))}` : '';
    parts.push(`${quoteMarkdown(quiet(truncate(ex.text, 1000)))}${by}${ex.url ? `\n${markdownLink(ex.url, l.openPost)}` : ''}`);
  }
  if (view.dashboardUrl) parts.push(markdownLink(view.dashboardUrl, l.openAlert));
  return {
    // Plain text (notifications), never rendered as markdown: only pings are defused, nothing is escaped.
    fallback: defuseUserMentions(`${view.headline}: ${view.summary}`),
    color: view.color,
    title: quiet(truncate(view.headline, 250)),
    ...(view.dashboardUrl ? { title_link: view.dashboardUrl } : {}),
    text: parts.join('\n\n'),
    fields: view.facts.map((f) => ({ short: true, title: f.label, value: quiet(truncate(f.value, 200)) })),
  };
}

export function formatMattermost(digest: AlertView[]): MattermostPayload {
  const views = bySeverity(digest);
  const first = views[0];
  if (!first) throw new Error('formatMattermost needs at least one alert');
  const single = views.length === 1;
  const heading = single ? first.headline : first.labels.digest(views.length);
  const more = moreLine(views, views.slice(MAX_ATTACHMENTS));
  return {
    text: `#### ${quiet(truncate(heading, 300))}${more ? `\n${markdownLine(more)}` : ''}`,
    attachments: views.slice(0, MAX_ATTACHMENTS).map((v) => attachment(v, !single)),
  };
}
