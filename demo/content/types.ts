/**
 * The demo data set is written as conversations; demo/build.ts turns them into Mentions with ids, threads and
 * timestamps. All brands, people and handles are fictional; URLs use the reserved `.example` domain.
 */
import type { Channel } from '../../src/model.ts';

export interface DemoPost {
  /** `brand` = the thread's brand account; anything else is a customer handle (without @). */
  who: string;
  text: string;
  /** Minutes after the previous post of the thread (ignored for the first post). */
  after?: number;
  likes?: number;
  shares?: number;
}

export interface DemoThread {
  brand: string;
  /** UTC start, `YYYY-MM-DDTHH:MM`. */
  start: string;
  /** Channel of the first post; replies are `reply` (or `page_comment` under a page post). */
  channel: Channel;
  title?: string;
  /** Set for posts that appear in the brand's own space (its page) without naming it. */
  onBrandPage?: boolean;
  posts: DemoPost[];
}

export interface DemoBrandAccount {
  id: string;
  handle: string;
  name: string;
}
