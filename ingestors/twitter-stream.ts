/**
 * One connection to X's filtered stream: messages handed on strictly in arrival order, reading paused while
 * many wait for a slow bus, text decoded across network chunks, and the connection dropped (not retried here)
 * when handling a message fails. The ingestor (twitter.ts) reconnects and backfills what a dropped connection
 * missed.
 */
import type { Readable } from 'node:stream';
import { ETwitterStreamEvent, type TwitterApiv2 } from 'twitter-api-v2';
import type { Logger } from '../src/log.ts';
import { TWEET_QUERY } from './twitter-map.ts';

/** Tweets received but not yet emitted before the stream stops reading (and below which it reads again). */
const MAX_PENDING_TWEETS = 500;
const RESUME_BELOW = 50;

export interface StreamReader {
  /** X sends a keep-alive every 20 s; silence for longer than this means the connection is dead. */
  keepAliveTimeoutMs: number;
  log: Logger;
  /** Handles one stream message; resolves with whether it delivered a new tweet. A rejection drops the connection. */
  handle: (payload: unknown) => Promise<boolean>;
  /** Called when the connection is open, before its first message. */
  onConnected: () => void;
}

/** One stream connection; resolves with the number of tweets delivered once it closes. */
export function readStreamOnce(client: TwitterApiv2, reader: StreamReader, signal: AbortSignal): Promise<number> {
  const { log } = reader;
  const stream = client.searchStream({ ...TWEET_QUERY, autoConnect: false });
  let delivered = 0;
  let chain: Promise<void> = Promise.resolve();
  let failure: unknown;
  // Backpressure: stop reading from the socket while many tweets wait for a slow bus. A pause long enough to
  // trip the keep-alive timeout reconnects, and the backfill picks up what X sent meanwhile.
  let pending = 0;
  const response = (): Readable | undefined => (stream as unknown as { res?: Readable }).res;
  return new Promise<number>((resolve, reject) => {
    const onAbort = (): void => stream.close();
    signal.addEventListener('abort', onAbort, { once: true });
    stream.on(ETwitterStreamEvent.Data, (payload: unknown) => {
      // Tweets are handled strictly in arrival order; the checkpoint moves only after emit resolved.
      if (++pending >= MAX_PENDING_TWEETS) response()?.pause();
      chain = chain.then(async () => {
        if (--pending === RESUME_BELOW) response()?.resume();
        if (failure !== undefined) return;
        if (await reader.handle(payload)) delivered++;
      }).catch((err: unknown) => {
        // Emit failed (bus down): drop the connection; the backfill after reconnect fetches the tweet again.
        failure = err;
        stream.close();
      });
    });
    stream.on(ETwitterStreamEvent.DataError, (payload: unknown) => log.warn({ payload }, 'X sent an error message on the stream'));
    stream.on(ETwitterStreamEvent.TweetParseError, (err: Error) => log.warn({ err: err.message }, 'unparseable stream message skipped; backfill recovers it'));
    stream.on(ETwitterStreamEvent.ConnectionError, (err: Error) => log.warn({ err: err.message }, 'stream connection error'));
    stream.on(ETwitterStreamEvent.ConnectionLost, () => log.warn('no keep-alive from X; dropping the connection'));
    stream.on(ETwitterStreamEvent.Connected, () => {
      // twitter-api-v2 decodes every network chunk on its own (`chunk.toString()`), which breaks umlauts and
      // emoji split across chunks. A Readable with an encoding set decodes across chunk borders instead; the
      // response is set (protected) before this event and has no data listener yet.
      response()?.setEncoding('utf8');
      reader.onConnected();
      log.info('stream connected');
    });
    stream.on(ETwitterStreamEvent.ConnectionClosed, () => {
      signal.removeEventListener('abort', onAbort);
      void chain.then(() => (failure === undefined ? resolve(delivered) : reject(failure)));
    });
    stream.connect({ autoReconnect: false, keepAliveTimeout: reader.keepAliveTimeoutMs }).catch((err: unknown) => {
      signal.removeEventListener('abort', onAbort);
      reject(err);
    });
  });
}
