/**
 * Tells V8 to compile every regular expression to machine code on first use.
 *
 * By default V8 first runs a pattern in its bytecode interpreter and compiles it only after it has run
 * ("tier-up"). The classifiers are a few hundred patterns, and the ones that run rarely (a brand's reply cues
 * among thousands of customer posts) were measured to end up interpreted after a long run of other work:
 * bench:classify gave 4,800–5,400 reply kinds per CPU-second when the reply run followed the all-classifiers
 * run and 18,000–23,000 when it came first or with this switch on, same code and posts. The cost is compile
 * time on each pattern's first use, a few milliseconds in all. Called by bin/kundenradar.js (every command and
 * worker) and by bench:classify, so the bench measures what the service runs.
 */
import { setFlagsFromString } from 'node:v8';

export function compileRegexesEagerly(): void {
  setFlagsFromString('--no-regexp-tier-up');
}
