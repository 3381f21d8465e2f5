import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG } from '../../common/config.tokens.js';
import type { AppConfig } from '../../config/app-config.js';
import { defaultFromAddress } from './domain/notification-email.js';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
}

/** Sends plain-text e-mail through SMTP_URL with nodemailer; disabled when SMTP_URL is not set. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter | null;
  private readonly from: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.from = defaultFromAddress(config.appUrl);
    // Short timeouts: a dead mail server must not hold the sender's tick for minutes.
    this.transport = config.smtpUrl
      ? createTransport({ url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
      : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Resolves once the server accepted the message; rejects with the SMTP error otherwise. */
  async send(email: OutgoingEmail): Promise<void> {
    if (!this.transport) throw new Error('SMTP_URL is not set');
    await this.transport.sendMail({ from: this.from, to: email.to, subject: email.subject, text: email.text });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
