import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1764600000000 implements MigrationInterface {
  name = 'Notifications1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TYPE notification_type AS ENUM ('ticket_created_in_queue', 'ticket_assigned', 'public_reply', 'ticket_resolved', 'sla_escalation')`,
    );
    // In-app notifications, one user each. Tickets are never deleted, so their FK restricts.
    await q.query(`
      CREATE TABLE notifications (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id    uuid NOT NULL CONSTRAINT notifications_user_id_fkey REFERENCES users (id) ON DELETE CASCADE,
        ticket_id  uuid CONSTRAINT notifications_ticket_id_fkey REFERENCES tickets (id) ON DELETE RESTRICT,
        type       notification_type NOT NULL,
        title      text NOT NULL CONSTRAINT notifications_title_check CHECK (btrim(title) <> ''),
        body       text NOT NULL,
        link       text CONSTRAINT notifications_link_check CHECK (link IS NULL OR left(link, 1) = '/'),
        created_at timestamptz NOT NULL,
        read_at    timestamptz
      )`);
    // A user's list, newest first, and their unread count.
    await q.query(`CREATE INDEX notifications_user_created_idx ON notifications (user_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX notifications_user_unread_idx ON notifications (user_id) WHERE read_at IS NULL`);

    // E-mails to send: written in the request's transaction, sent later by the notification-sender job.
    await q.query(`
      CREATE TABLE email_outbox (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        notification_id uuid CONSTRAINT email_outbox_notification_id_fkey REFERENCES notifications (id) ON DELETE CASCADE,
        to_address      text NOT NULL,
        subject         text NOT NULL,
        text_body       text NOT NULL,
        created_at      timestamptz NOT NULL,
        attempts        integer NOT NULL DEFAULT 0 CONSTRAINT email_outbox_attempts_check CHECK (attempts >= 0),
        next_attempt_at timestamptz NOT NULL,
        claimed_until   timestamptz,
        sent_at         timestamptz,
        failed_at       timestamptz,
        last_error      text
      )`);
    await q.query(`CREATE UNIQUE INDEX email_outbox_notification_id_key ON email_outbox (notification_id)`);
    await q.query(
      `CREATE INDEX email_outbox_due_idx ON email_outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE email_outbox`);
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TYPE notification_type`);
  }
}
