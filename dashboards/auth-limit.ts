/**
 * Failed token attempts per client address. Guessing the API or ingest token over HTTP is stopped after
 * FAILED_ATTEMPTS within the window, a mistyped token is not: only refusals count (a 401, a login form sent back
 * with `failed=1`), never the requests that pass (QA round 6: 600 wrong-token requests in 4 s were all answered
 * 401). Once over the limit every request from that address gets 429 until the window ends.
 */
import type { Request, Response } from 'express';
import { rateLimit, type RateLimitRequestHandler } from 'express-rate-limit';

const WINDOW_MS = 15 * 60_000;
const FAILED_ATTEMPTS = 30;

/** A refused token: a 401 from any router, or the login form redirecting back with its error flag. */
function refused(res: Response): boolean {
  return res.statusCode === 401 || (res.statusCode === 303 && String(res.getHeader('location') ?? '').startsWith('/login?failed=1'));
}

export function failedAuthLimiter(options: { windowMs?: number; limit?: number } = {}): RateLimitRequestHandler {
  const windowMs = options.windowMs ?? WINDOW_MS;
  return rateLimit({
    windowMs,
    limit: options.limit ?? FAILED_ATTEMPTS,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_req: Request, res: Response) => !refused(res),
    handler: (_req, res) => {
      res.setHeader('Retry-After', String(Math.ceil(windowMs / 1000)));
      res.status(429).json({ error: `too many refused tokens from this address; try again in ${Math.ceil(windowMs / 60_000)} minutes` });
    },
  });
}
