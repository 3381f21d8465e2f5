/**
 * Calendar feed addresses carry their token (calendar programs send no cookie, so the address is
 * the key): /api/maintenance/feeds/<token>/calendar.ics. Request logs show the route, not the key.
 */
const FEED_TOKEN_IN_PATH = /(\/api\/maintenance\/feeds\/)[^/?#]+(?=\/calendar\.ics)/g;

/** A request URL fit for a log line: secrets that travel in the path replaced by [redacted]. */
export function redactUrlSecrets(url: string): string {
  return url.replace(FEED_TOKEN_IN_PATH, '$1[redacted]');
}
