const MINUTE = 60 * 1000;

/** Attempts after which an e-mail is given up on (failed_at is set). */
export const MAX_DELIVERY_ATTEMPTS = 8;
const MAX_BACKOFF_MS = 60 * MINUTE;
const MAX_ERROR_LENGTH = 500;

export type RetryDecision = { giveUp: true } | { giveUp: false; retryAt: Date };

/**
 * After the attempts-th failed delivery (1 for the first): retry after 1, 2, 4, 8 … minutes,
 * at most an hour apart, and give up after MAX_DELIVERY_ATTEMPTS.
 */
export function afterFailedDelivery(attempts: number, now: Date): RetryDecision {
  if (attempts >= MAX_DELIVERY_ATTEMPTS) return { giveUp: true };
  const delay = Math.min(MINUTE * 2 ** (attempts - 1), MAX_BACKOFF_MS);
  return { giveUp: false, retryAt: new Date(now.getTime() + delay) };
}

/**
 * An error message fit to store: the SMTP URL's user name and password blanked out wherever they
 * appear (error texts may quote the connection), on one line, truncated.
 */
export function deliveryErrorText(error: unknown, smtpUrl: string | undefined): string {
  let text = error instanceof Error ? error.message : String(error);
  for (const secret of credentialsOf(smtpUrl)) text = text.split(secret).join('***');
  text = text.replace(/\s+/g, ' ').trim() || 'unknown error';
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

function credentialsOf(smtpUrl: string | undefined): string[] {
  if (!smtpUrl) return [];
  try {
    const url = new URL(smtpUrl);
    return (
      [url.password, decodeURIComponent(url.password), url.username, decodeURIComponent(url.username)]
        // Very short values would blank ordinary words of the message.
        .filter((s) => s.length >= 4)
        .sort((a, b) => b.length - a.length)
    );
  } catch {
    return [];
  }
}
