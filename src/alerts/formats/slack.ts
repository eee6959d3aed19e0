/**
 * Slack incoming webhook with Block Kit (https://api.slack.com/reference/block-kit/blocks). Post text goes into
 * `plain_text` objects, which Slack never parses for mentions, formatting or links; only our own labels are
 * mrkdwn. Limits: header 150 chars, section text 3000, 10 fields of 2000, 50 blocks per message.
 */
import { escapeSlack } from '../escape.ts';
import { bySeverity, moreLine, truncate, type AlertView } from '../wording.ts';

type PlainText = { type: 'plain_text'; text: string; emoji?: boolean };
type TextObject = PlainText | { type: 'mrkdwn'; text: string };
type Block =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text: TextObject; fields?: TextObject[] }
  | { type: 'context'; elements: TextObject[] }
  | { type: 'divider' };

export interface SlackPayload {
  text: string;
  blocks: Block[];
}

const MAX_BLOCKS = 50;

/** `<url|label>` with a label of our own; `|` and `>` in the URL are encoded so it cannot end the link early. */
function link(url: string, label: string): string {
  return `<${escapeSlack(url.replace(/\|/g, '%7C'))}|${escapeSlack(label)}>`;
}

function plain(text: string, max = 3000): PlainText {
  return { type: 'plain_text', text: truncate(text, max), emoji: true };
}

function alertBlocks(view: AlertView, compact: boolean): Block[] {
  const l = view.labels;
  const blocks: Block[] = [];
  if (compact) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*${escapeSlack(truncate(view.headline, 500))}*` } });
  blocks.push({ type: 'section', text: plain(view.summary), fields: view.facts.slice(0, 10).map((f) => plain(`${f.label}: ${f.value}`, 2000)) });
  for (const ex of view.examples.slice(0, compact ? 1 : 3)) {
    const by = ex.author ? ` — ${ex.author}` : '';
    blocks.push({ type: 'section', text: plain(`“${truncate(ex.text, 600)}”${by}`) });
    if (ex.url) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: link(ex.url, l.openPost) }] });
  }
  if (view.dashboardUrl) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: link(view.dashboardUrl, l.openAlert) }] });
  return blocks;
}

export function formatSlack(digest: AlertView[]): SlackPayload {
  const views = bySeverity(digest);
  const first = views[0];
  if (!first) throw new Error('formatSlack needs at least one alert');
  const single = views.length === 1;
  const header = single ? first.headline : first.labels.digest(views.length);
  const blocks: Block[] = [{ type: 'header', text: plain(header, 150) }];
  for (const [i, view] of views.entries()) {
    const next = [...(i > 0 ? [{ type: 'divider' } as const] : []), ...alertBlocks(view, !single)];
    if (blocks.length + next.length > MAX_BLOCKS - 1) {
      const more = moreLine(views, views.slice(i));
      if (more) blocks.push({ type: 'context', elements: [more.url ? { type: 'mrkdwn', text: link(more.url, more.text) } : plain(more.text)] });
      break;
    }
    blocks.push(...next);
  }
  // `text` is the notification/fallback line; Slack treats it as mrkdwn, hence escaped.
  const fallback = single ? `${first.headline}: ${first.summary}` : `${header}: ${views.map((v) => v.headline).join('; ')}`;
  return { text: escapeSlack(truncate(fallback, 3000)), blocks };
}
