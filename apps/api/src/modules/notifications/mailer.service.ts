import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG } from '../../common/config.tokens.js';
import type { AppConfig } from '../../config/app-config.js';
import { defaultFromAddress } from './domain/notification-email.js';

export interface OutgoingEmail {
  /** The outbox row's id: the Message-ID is made from it, the same on every attempt. */
  id: string;
  to: string;
  subject: string;
  text: string;
}

/** Sends plain-text e-mail through SMTP_URL with nodemailer; disabled when SMTP_URL is not set. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter | null;
  private readonly from: string;
  private readonly host: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.from = defaultFromAddress(config.appUrl);
    this.host = new URL(config.appUrl).hostname;
    // Short timeouts: a dead mail server must not hold the sender's tick for minutes. A pooled
    // connection: a new connection and greeting per message took ~120 ms against ~20 ms reused,
    // and only one instance sends at a time (the job's lock), so that is the outbox's throughput.
    this.transport = config.smtpUrl
      ? createTransport({
          url: config.smtpUrl,
          pool: true,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        })
      : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Resolves once the server accepted the message; rejects with the SMTP error otherwise. */
  async send(email: OutgoingEmail): Promise<void> {
    if (!this.transport) throw new Error('SMTP_URL is not set');
    // Delivery is at least once (a retry after the server accepted but before sent_at was written
    // sends again); a stable Message-ID lets mail systems and readers recognise the repeat.
    await this.transport.sendMail({
      from: this.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      messageId: `<${email.id}@${this.host}>`,
    });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
