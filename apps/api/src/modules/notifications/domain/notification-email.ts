export interface NotificationEmailContent {
  title: string;
  body: string;
  /** An app path such as /tickets/INC-000123, or null. */
  link: string | null;
}

export interface ComposedEmail {
  subject: string;
  text: string;
}

export const EMAIL_FOOTER = 'You get this because you work on or filed this ticket in CivicDesk.';

/** The plain-text e-mail for a notification: the title as a one-line subject, the body, the full link, a footer. */
export function composeNotificationEmail(notification: NotificationEmailContent, appUrl: string): ComposedEmail {
  // A subject is one header line whatever the caller passed.
  const subject = `[CivicDesk] ${notification.title.replace(/\s+/g, ' ').trim()}`;
  const parts = [notification.body.trim()];
  if (notification.link) parts.push(`${appUrl.replace(/\/+$/, '')}${notification.link}`);
  parts.push(`-- \n${EMAIL_FOOTER}`);
  return { subject, text: `${parts.filter((p) => p !== '').join('\n\n')}\n` };
}

/** The sender's address when none is configured: no-reply at the host the app is served from. */
export function defaultFromAddress(appUrl: string): string {
  return `CivicDesk <no-reply@${new URL(appUrl).hostname}>`;
}
