import { describe, expect, it } from '@jest/globals';
import { composeNotificationEmail, defaultFromAddress, EMAIL_FOOTER } from './notification-email.js';

describe(composeNotificationEmail.name, () => {
  it('prefixes the subject and ends the body with the full link and the footer', () => {
    const email = composeNotificationEmail(
      { title: 'INC-000123 was assigned to you', body: 'Printer on floor 2 is jammed.', link: '/tickets/INC-000123' },
      'https://helpdesk.city.gov/',
    );
    expect(email.subject).toBe('[CivicDesk] INC-000123 was assigned to you');
    expect(email.text).toBe(
      `Printer on floor 2 is jammed.\n\nhttps://helpdesk.city.gov/tickets/INC-000123\n\n-- \n${EMAIL_FOOTER}\n`,
    );
  });

  it('keeps the subject on one line and leaves out a missing link and an empty body', () => {
    const email = composeNotificationEmail(
      { title: 'Line one\r\nBcc: someone@else', body: '  ', link: null },
      'http://localhost:3000',
    );
    expect(email.subject).toBe('[CivicDesk] Line one Bcc: someone@else');
    expect(email.text).toBe(`-- \n${EMAIL_FOOTER}\n`);
  });
});

describe(defaultFromAddress.name, () => {
  it('sends from no-reply at the host of the app URL, without its port', () => {
    expect(defaultFromAddress('http://localhost:3000')).toBe('CivicDesk <no-reply@localhost>');
    expect(defaultFromAddress('https://helpdesk.city.gov')).toBe('CivicDesk <no-reply@helpdesk.city.gov>');
  });
});
