/** The message formats by target name: one function from alert views to the platform's JSON body. */
import type { Target } from '../routes.ts';
import type { AlertView } from '../wording.ts';
import { formatDiscord } from './discord.ts';
import { formatGeneric } from './generic.ts';
import { formatMattermost } from './mattermost.ts';
import { formatSlack } from './slack.ts';
import { formatTeams } from './teams.ts';

export function formatPayload(target: Target, views: AlertView[], route: string, createdAt: string): unknown {
  switch (target) {
    case 'slack':
      return formatSlack(views);
    case 'teams':
      return formatTeams(views);
    case 'mattermost':
      return formatMattermost(views);
    case 'discord':
      return formatDiscord(views);
    case 'generic':
      return formatGeneric(views, route, createdAt);
  }
}
