/**
 * Discord webhook (https://discord.com/developers/docs/resources/webhook#execute-webhook): `content` plus
 * embeds within Discord's limits (10 embeds; title 256, description 4096, 25 fields of 256/1024, footer 2048,
 * 6000 characters across all embeds). `allowed_mentions: {parse: []}` is Discord's documented switch that stops
 * every ping; post text is markdown-escaped on top so it cannot fake formatting or masked links.
 */
import { escapeMarkdown, markdownLine, markdownLinkTarget, quoteMarkdown } from '../escape.ts';
import { bySeverity, moreLine, truncate, type AlertView } from '../wording.ts';

export interface DiscordEmbed {
  title: string;
  url?: string;
  description: string;
  color: number;
  fields: Array<{ name: string; value: string; inline: boolean }>;
  timestamp: string;
  footer: { text: string };
}

export interface DiscordPayload {
  content: string;
  embeds: DiscordEmbed[];
  allowed_mentions: { parse: never[] };
}

export const DISCORD_LIMITS = { embeds: 10, title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024, footer: 2048, total: 6000, content: 2000 };

function embedChars(e: DiscordEmbed): number {
  return e.title.length + e.description.length + e.footer.text.length + e.fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
}

function embed(view: AlertView, compact: boolean): DiscordEmbed {
  const l = view.labels;
  const parts = [escapeMarkdown(view.summary)];
  for (const ex of view.examples.slice(0, compact ? 1 : 3)) {
    const by = ex.author ? `\n> — ${escapeMarkdown(truncate(ex.author, 100))}` : '';
    // Masked links with our own label; the URL is encoded so a ")" in it cannot end the link.
    parts.push(`${quoteMarkdown(escapeMarkdown(truncate(ex.text, compact ? 300 : 900)))}${by}${ex.url ? `\n[${l.openPost}](${markdownLinkTarget(ex.url)})` : ''}`);
  }
  return {
    title: truncate(escapeMarkdown(view.headline), DISCORD_LIMITS.title),
    ...(view.dashboardUrl ? { url: view.dashboardUrl } : {}),
    description: truncate(parts.join('\n\n'), DISCORD_LIMITS.description),
    color: parseInt(view.color.slice(1), 16),
    fields: view.facts.slice(0, DISCORD_LIMITS.fields).map((f) => ({
      name: truncate(f.label, DISCORD_LIMITS.fieldName),
      value: truncate(escapeMarkdown(f.value), DISCORD_LIMITS.fieldValue) || '-',
      inline: true,
    })),
    timestamp: view.alert.updatedAt,
    footer: { text: `Kundenradar · ${view.alert.kind} · rev ${view.alert.revision}` },
  };
}

export function formatDiscord(digest: AlertView[]): DiscordPayload {
  const views = bySeverity(digest);
  const first = views[0];
  if (!first) throw new Error('formatDiscord needs at least one alert');
  const single = views.length === 1;
  const overflow = views.length > DISCORD_LIMITS.embeds ? views.length - (DISCORD_LIMITS.embeds - 1) : 0;
  const shown = overflow > 0 ? views.slice(0, DISCORD_LIMITS.embeds - 1) : views;
  const embeds = shown.map((v) => embed(v, !single));
  // Keep the 6000-character total: shorten descriptions from the last embed backwards, then drop embeds.
  let total = embeds.reduce((n, e) => n + embedChars(e), 0);
  for (let i = embeds.length - 1; i >= 0 && total > DISCORD_LIMITS.total; i--) {
    const e = embeds[i];
    if (!e) continue;
    const keep = Math.max(0, e.description.length - (total - DISCORD_LIMITS.total));
    total -= e.description.length - truncate(e.description, Math.max(keep, 1)).length;
    e.description = truncate(e.description, Math.max(keep, 1));
  }
  while (embeds.length > 1 && embeds.reduce((n, e) => n + embedChars(e), 0) > DISCORD_LIMITS.total) embeds.pop();
  const heading = single ? first.headline : first.labels.digest(views.length);
  const more = moreLine(views, views.slice(embeds.length));
  const content = `**${escapeMarkdown(heading)}**${more ? `\n${markdownLine(more)}` : ''}${single && first.dashboardUrl ? `\n<${first.dashboardUrl}>` : ''}`;
  return { content: truncate(content, DISCORD_LIMITS.content), embeds, allowed_mentions: { parse: [] } };
}
