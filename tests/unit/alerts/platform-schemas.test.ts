/**
 * The payloads checked by the platforms' own definitions: Microsoft's Adaptive Cards library parses and
 * validates the Teams card at run time; Slack's and Discord's published TypeScript types must accept the
 * Slack and Discord payloads (a mismatch fails `tsc --noEmit`).
 */
import { createRequire } from 'node:module';
import type { KnownBlock } from '@slack/types';
import type { RESTPostAPIWebhookWithTokenJSONBody } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { formatDiscord } from '../../../src/alerts/formats/discord.ts';
import { formatSlack } from '../../../src/alerts/formats/slack.ts';
import { formatTeams } from '../../../src/alerts/formats/teams.ts';
import { viewAlert, type AlertView } from '../../../src/alerts/wording.ts';
import { makeAlert } from './helpers.ts';

// The package's ESM build uses extensionless imports Node cannot load; its UMD bundle is the same code.
const AdaptiveCards = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.min.js') as typeof import('adaptivecards');

const storm = makeAlert({
  id: 'shitstorm:db:1',
  kind: 'shitstorm',
  severity: 'critical',
  evidence: { windowMinutes: 60, observed: 412, expected: 35.5, observedNegative: 300, expectedNegative: 12.5 },
  examples: [1, 2, 3].map((n) => ({ id: `twitter:${n}`, text: `Beitrag ${n}: **fett** [link](https://evil.example)`, url: `https://x.com/u/status/${n}`, author: `@u${n}`, createdAt: '2026-03-02T08:00:00Z' })),
});
const cases: Array<[string, AlertView[]]> = [
  ['one alert', [viewAlert(storm, { lang: 'de', publicUrl: 'https://radar.example.com' })]],
  ['a digest', [viewAlert(storm, { lang: 'en' }), viewAlert(makeAlert({ status: 'resolved', revision: 2 }), { lang: 'en', publicUrl: 'https://radar.example.com' })]],
];

describe.each(cases)('%s', (_name, views) => {
  it('Teams: Microsoft Adaptive Cards library parses the card without warnings and round-trips it', () => {
    const payload = formatTeams(views);
    const content = payload.attachments[0]!.content;
    const card = new AdaptiveCards.AdaptiveCard();
    const context = new AdaptiveCards.SerializationContext();
    card.parse(content, context);
    const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i)?.message);
    expect(events).toEqual([]);
    expect(card.validateProperties().validationEvents.map((e) => e.message)).toEqual([]);
    // Anything the library did not understand would be dropped on the way back out.
    const roundTrip = card.toJSON() as { body: Array<{ type: string }>; version: string };
    expect(roundTrip.version).toBe('1.4');
    expect(roundTrip.body).toEqual(content.body);
  });

  it("Slack: every block is one of Slack's published Block Kit types", () => {
    const payload = formatSlack(views);
    const blocks: KnownBlock[] = payload.blocks;
    expect(blocks.length).toBeGreaterThan(2);
  });

  it("Discord: the body satisfies discord-api-types' execute-webhook body", () => {
    const body: RESTPostAPIWebhookWithTokenJSONBody = formatDiscord(views);
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });
});
