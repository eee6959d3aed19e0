/** One logger for the process (pino): JSON lines on stderr, so stdout stays free for command output. */
import { pino, type Logger } from 'pino';

export type { Logger };

export const log: Logger = pino(
  {
    level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
    base: { service: 'kundenradar' },
    // Secrets never reach a log line, even if someone logs a whole config or request.
    redact: {
      paths: ['*.token', '*.password', '*.secret', '*.authorization', '*.bearerToken', 'headers.authorization', '*.apiToken'],
      censor: '[redacted]',
    },
  },
  pino.destination(2),
);

export function childLogger(component: string): Logger {
  return log.child({ component });
}

/**
 * For a command whose output is what the user came for (`search`): stdout holds the results and stderr only what
 * needs attention, so info lines (which store was opened) stay out of a terminal or a pipe. Lowers nothing that
 * LOG_LEVEL asked for, and never turns a silenced logger (tests) up. Child loggers follow the root's level.
 */
export function logWarningsOnly(): void {
  if (process.env.LOG_LEVEL === undefined && log.isLevelEnabled('info')) log.level = 'warn';
}
