/**
 * Microsoft Teams "Workflows" webhook carrying an Adaptive Card 1.4
 * (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-reference). Post text
 * goes into RichTextBlock/TextRun, which renders no markdown, and Teams only pings for explicit `msteams`
 * mention entities, so a post cannot ping, format itself or fake a link label.
 */
import { escapeMarkdown, markdownLinkTarget } from '../escape.ts';
import { bySeverity, moreLine, truncate, type AlertView } from '../wording.ts';

type Element = Record<string, unknown> & { type: string };

/** Alerts shown in one digest card: Teams refuses webhook messages over about 28 KB. */
const MAX_DIGEST = 10;

export interface TeamsPayload {
  type: 'message';
  attachments: Array<{
    contentType: 'application/vnd.microsoft.card.adaptive';
    contentUrl: null;
    content: { $schema: string; type: 'AdaptiveCard'; version: '1.4'; body: Element[]; actions?: Element[]; msteams: { width: 'Full' } };
  }>;
}

function run(text: string, extra: Record<string, unknown> = {}): Element {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text, ...extra }] };
}

function severityColor(view: AlertView): string {
  if (view.alert.status === 'resolved') return 'Good';
  return view.alert.severity === 'critical' || view.alert.severity === 'warning' ? 'Attention' : 'Warning';
}

function alertElements(view: AlertView, compact: boolean): Element[] {
  const l = view.labels;
  const items: Element[] = [
    run(truncate(view.headline, 300), { weight: 'Bolder', size: compact ? 'Default' : 'Medium', color: severityColor(view) }),
    run(truncate(view.summary, 2000)),
    // FactSet values may render a markdown subset in Teams: escape them (labels are our own wording).
    { type: 'FactSet', facts: view.facts.map((f) => ({ title: f.label, value: escapeMarkdown(truncate(f.value, 200)) })) },
  ];
  const examples = view.examples.slice(0, compact ? 1 : 3);
  if (examples.length > 0 && !compact) items.push({ type: 'TextBlock', text: l.examples, weight: 'Bolder', wrap: true, spacing: 'Medium' });
  for (const ex of examples) {
    const inlines: Element[] = [{ type: 'TextRun', text: `“${truncate(ex.text, 1000)}”` }];
    if (ex.author) inlines.push({ type: 'TextRun', text: ` — ${truncate(ex.author, 100)}`, isSubtle: true });
    const example: Element = { type: 'Container', style: 'emphasis', items: [{ type: 'RichTextBlock', inlines }] };
    if (ex.url) (example.items as Element[]).push({ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: l.openPost, url: ex.url }] });
    items.push(example);
  }
  if (compact && view.dashboardUrl) items.push({ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: l.openAlert, url: view.dashboardUrl }] });
  return items;
}

export function formatTeams(digest: AlertView[]): TeamsPayload {
  const views = bySeverity(digest);
  const first = views[0];
  if (!first) throw new Error('formatTeams needs at least one alert');
  const single = views.length === 1;
  const more = moreLine(views, views.slice(MAX_DIGEST));
  const body: Element[] = single
    ? alertElements(first, false)
    : [
        { type: 'TextBlock', text: first.labels.digest(views.length), weight: 'Bolder', size: 'Medium', wrap: true },
        ...views.slice(0, MAX_DIGEST).map((v, i): Element => ({ type: 'Container', ...(i > 0 ? { separator: true } : {}), items: alertElements(v, true) })),
        // A TextBlock renders Teams' markdown subset (links, but no backslash escapes); the text is our own wording.
        ...(more ? [{ type: 'TextBlock', text: more.url ? `[${more.text}](${markdownLinkTarget(more.url)})` : more.text, wrap: true, isSubtle: true }] : []),
      ];
  const actions = single && first.dashboardUrl ? [{ type: 'Action.OpenUrl', title: first.labels.openAlert, url: first.dashboardUrl }] : undefined;
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body,
          ...(actions ? { actions } : {}),
          msteams: { width: 'Full' },
        },
      },
    ],
  };
}
