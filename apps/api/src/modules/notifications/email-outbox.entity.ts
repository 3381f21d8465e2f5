import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Notification } from './notification.entity.js';

/**
 * An e-mail waiting to be sent (or sent, or given up on). Requests only insert rows; the
 * notification-sender job claims due rows, sends them and records the outcome.
 */
@Entity({ name: 'email_outbox' })
@Index('email_outbox_notification_id_key', ['notificationId'], { unique: true })
// Partial index the migration builds: rows still to send, by when they are due.
@Index('email_outbox_due_idx', { synchronize: false })
@Check('email_outbox_attempts_check', `attempts >= 0`)
export class EmailOutbox {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** One e-mail per notification; null for e-mails not tied to a notification. */
  @Column({ name: 'notification_id', type: 'uuid', nullable: true })
  notificationId: string | null;

  @ManyToOne(() => Notification, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'notification_id', foreignKeyConstraintName: 'email_outbox_notification_id_fkey' })
  notification?: Relation<Notification>;

  @Column({ name: 'to_address', type: 'text' })
  toAddress: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ name: 'text_body', type: 'text' })
  textBody: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Delivery attempts made so far. */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt: Date;

  /** A sender working on the row holds it until then; after that another may take it. */
  @Column({ name: 'claimed_until', type: 'timestamptz', nullable: true })
  claimedUntil: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** Set when the last attempt failed too: the e-mail is given up on. */
  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}
