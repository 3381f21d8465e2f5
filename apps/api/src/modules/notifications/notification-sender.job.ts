import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../common/config.tokens.js';
import type { AppConfig } from '../../config/app-config.js';
import { JobRunner, type JobContext } from '../jobs/job-runner.service.js';
import { afterFailedDelivery, deliveryErrorText } from './domain/delivery-retry.js';
import { Mailer } from './mailer.service.js';

export const CLAIM_MS = 2 * 60 * 1000;
const BATCH = 50;

interface ClaimedEmail {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  attempts: number;
}

/**
 * Sends the e-mail outbox. Each run claims up to 50 due rows (SKIP LOCKED, and a claim that
 * expires, so two senders never take the same row and a crashed one's rows come back), sends
 * them one by one and records each outcome right away; failures retry with backoff.
 */
@Injectable()
export class NotificationSenderJob implements OnModuleInit {
  private readonly logger = new Logger(NotificationSenderJob.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly runner: JobRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.runner.register({ name: 'notification-sender', everyMs: 15 * 1000, run: (context) => this.run(context) });
  }

  async run({ now }: JobContext): Promise<Record<string, number>> {
    const stats = { sent: 0, retrying: 0, failed: 0 };
    if (!this.mailer.enabled) return stats;
    const [claimed]: [ClaimedEmail[], number] = await this.dataSource.query(
      `UPDATE email_outbox SET claimed_until = $2
        WHERE id IN (SELECT id FROM email_outbox
                      WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1
                        AND (claimed_until IS NULL OR claimed_until < $1)
                      ORDER BY next_attempt_at
                      LIMIT ${BATCH}
                        FOR UPDATE SKIP LOCKED)
        RETURNING id, to_address, subject, text_body, attempts`,
      [now, new Date(now.getTime() + CLAIM_MS)],
    );
    for (const email of claimed) {
      try {
        await this.mailer.send({ id: email.id, to: email.to_address, subject: email.subject, text: email.text_body });
      } catch (error) {
        stats[await this.recordFailure(email, error, now)] += 1;
        continue;
      }
      await this.dataSource.query(
        `UPDATE email_outbox SET sent_at = $2, attempts = attempts + 1, claimed_until = NULL WHERE id = $1`,
        [email.id, now],
      );
      stats.sent += 1;
    }
    return stats;
  }

  private async recordFailure(email: ClaimedEmail, error: unknown, now: Date): Promise<'retrying' | 'failed'> {
    const attempts = email.attempts + 1;
    const lastError = deliveryErrorText(error, this.config.smtpUrl);
    const decision = afterFailedDelivery(attempts, now);
    this.logger.warn({ outboxId: email.id, attempts, error: lastError }, 'e-mail delivery failed');
    await this.dataSource.query(
      `UPDATE email_outbox
          SET attempts = $2, last_error = $3, claimed_until = NULL,
              next_attempt_at = coalesce($4, next_attempt_at), failed_at = $5
        WHERE id = $1`,
      [email.id, attempts, lastError, decision.giveUp ? null : decision.retryAt, decision.giveUp ? now : null],
    );
    return decision.giveUp ? 'failed' : 'retrying';
  }
}
