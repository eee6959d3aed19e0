/**
 * Dates from Twitter snowflake ids (ms since 2010-11-04T01:42:54.657Z in the top 42 bits). Used to date a
 * training set by its newest tweet, so model metadata carries a date that depends on the data only.
 */
const TWITTER_EPOCH_MS = 1288834974657n;
/** Ids below this are pre-snowflake sequence numbers (before November 2010) and carry no time. */
const FIRST_SNOWFLAKE = 1n << 32n;

export function snowflakeDate(id: string): Date | undefined {
  if (!/^\d{10,20}$/.test(id)) return undefined;
  const n = BigInt(id);
  if (n < FIRST_SNOWFLAKE) return undefined;
  return new Date(Number((n >> 22n) + TWITTER_EPOCH_MS));
}

/**
 * Newest snowflake date among tweet ids (bare ids or twitter.com/…/status(es)/<id> URLs) as an ISO day;
 * other ids (Facebook, forums) are skipped because their numbers are not timestamps.
 */
export function newestSnowflakeDay(ids: Iterable<string>): string | undefined {
  let newest: Date | undefined;
  for (const id of ids) {
    const m = /^(\d{10,20})$/.exec(id) ?? /twitter\.com\/[^/]+\/status(?:es)?\/(\d{10,20})/.exec(id);
    const d = m ? snowflakeDate(m[1] as string) : undefined;
    if (d && (!newest || d > newest)) newest = d;
  }
  return newest?.toISOString().slice(0, 10);
}
