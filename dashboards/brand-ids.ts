/**
 * Brand filters take brand ids. An unknown id filters everything out, and "0 unanswered" reads as good news (QA:
 * `brand=Funkwelle`, the name, gave total 0 where the id is `funkwelle`; a saved search with the name was kept and
 * then failed on every run), so query strings and saved searches refuse it the same way, listing the ids.
 */
import type { NextFunction, Request, Response } from 'express';
import { BadRequestError } from './params.ts';

/** One issue per unknown id in `given` (already split into single ids); none when no brands are configured. */
export function unknownBrandIssues(given: readonly string[] | undefined, brandIds: readonly string[]): string[] {
  if (given === undefined || brandIds.length === 0) return [];
  return given.filter((v) => !brandIds.includes(v)).map((v) => `brand: unknown brand id "${v.slice(0, 64)}"; brand ids are ${brandIds.join(', ')}`);
}

/** Splits a raw `brand` query value as the schemas' lists do: `a,b` or repeated keys. */
function brandValues(raw: unknown): string[] | undefined {
  if (raw === undefined) return undefined;
  return (Array.isArray(raw) ? raw : [raw]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter((v) => v.length > 0);
}

/** Every /api route with a `brand` query parameter: 400 for an unknown id before the route runs. */
export function knownBrandsInQuery(brandIds: readonly string[]) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const issues = unknownBrandIssues(brandValues(req.query.brand), brandIds);
    next(issues.length === 0 ? undefined : new BadRequestError('invalid query parameters', issues));
  };
}
