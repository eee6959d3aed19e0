/**
 * The dashboard's message catalogue, German first. The English table is typed against the German one, so a
 * key missing in either language is a compile error. Pages get the whole table of their language as a JSON
 * data block; the browser code looks labels up there.
 */
import type { Request } from 'express';
import { de, type MessageKey, type Messages } from './messages/de.ts';
import { en } from './messages/en.ts';

export type { MessageKey, Messages };

export const CATALOGUE: Record<UiLang, Messages> = { de, en };
export const UI_LANGS = ['de', 'en'] as const;
export type UiLang = (typeof UI_LANGS)[number];
export const LANG_COOKIE = 'kundenradar_lang';

function asUiLang(value: unknown): UiLang | undefined {
  return value === 'de' || value === 'en' ? value : undefined;
}

/** Picks the first of the Accept-Language entries we speak, by quality; German when none matches. */
export function negotiateLang(acceptLanguage: string | undefined): UiLang {
  if (!acceptLanguage) return 'de';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { lang: tag.trim().toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((e) => e.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) {
    const lang = asUiLang(entry.lang);
    if (lang) return lang;
  }
  return 'de';
}

/** `?lang=` wins (and is remembered in a cookie by the pages router), then the cookie, then the browser. */
export function requestLang(req: Request, cookieValue: string | undefined): UiLang {
  return asUiLang(req.query['lang']) ?? asUiLang(cookieValue) ?? negotiateLang(req.headers['accept-language']);
}

export function t(lang: UiLang, key: MessageKey): string {
  return CATALOGUE[lang][key];
}
