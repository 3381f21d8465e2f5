import { describe, expect, it } from '@jest/globals';
import { afterFailedDelivery, deliveryErrorText, MAX_DELIVERY_ATTEMPTS } from './delivery-retry.js';

const now = new Date('2026-03-02T14:00:00Z');
const minutesLater = (result: ReturnType<typeof afterFailedDelivery>): number | null =>
  result.giveUp ? null : (result.retryAt.getTime() - now.getTime()) / 60000;

describe(afterFailedDelivery.name, () => {
  it('doubles the wait from one minute, at most an hour, and gives up after the last attempt', () => {
    const waits = Array.from({ length: MAX_DELIVERY_ATTEMPTS }, (_, i) => minutesLater(afterFailedDelivery(i + 1, now)));
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, null]);
    expect(afterFailedDelivery(MAX_DELIVERY_ATTEMPTS + 3, now)).toEqual({ giveUp: true });
  });
});

describe(deliveryErrorText.name, () => {
  it('blanks the credentials of the SMTP URL, also URL-encoded ones', () => {
    const smtpUrl = 'smtps://mailer%40city:p%40ss-w0rd!@smtp.city.gov:465';
    const text = deliveryErrorText(new Error('Invalid login for mailer@city with p@ss-w0rd! and p%40ss-w0rd!'), smtpUrl);
    expect(text).toBe('Invalid login for *** with *** and ***');
  });

  it('keeps one line of at most 500 characters', () => {
    const text = deliveryErrorText(new Error(`550 rejected\n${'x'.repeat(1000)}`), undefined);
    expect(text.startsWith('550 rejected x')).toBe(true);
    expect(text).toHaveLength(500);
    expect(deliveryErrorText('plain string', 'smtp://127.0.0.1:25')).toBe('plain string');
  });
});
