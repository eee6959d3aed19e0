/**
 * `application/json` with any parameters (charset). Express's req.is() answers null for a request without a body, so
 * an empty JSON POST was told to "send Content-Type: application/json" although it had (QA round 6).
 */
export function isJsonContentType(type: string | undefined): boolean {
  return type?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}
