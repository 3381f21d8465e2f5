import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isISO8601, isUUID } from 'class-validator';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG } from '../../common/config.tokens.js';
import { SqlParams } from '../../common/db/sql-params.js';
import { notFound } from '../../common/errors/app-error.js';
import { decodeCursor, encodeCursor, invalidCursor } from '../../common/http/cursor.js';
import { Clock } from '../../common/time/clock.js';
import type { AppConfig } from '../../config/app-config.js';
import { composeNotificationEmail } from './domain/notification-email.js';
import type { NotificationType } from './domain/notification-vocabulary.js';
import type { ListNotificationsQueryDto, NotificationDto, NotificationListDto } from './dto/notification.dto.js';

export type { NotificationType } from './domain/notification-vocabulary.js';

export interface NewNotification {
  userId: string;
  ticketId: string | null;
  type: NotificationType;
  /** One line, e.g. "INC-000123 was assigned to you". */
  title: string;
  /** Plain text; callers never pass internal notes. */
  body: string;
  /** An app path such as /tickets/INC-000123. */
  link: string | null;
}

interface NotificationRow {
  id: string;
  ticket_id: string | null;
  type: NotificationType;
  title: string;
  body: string;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
  /** created_at to the microsecond, for the cursor. */
  sort_at: string;
}

const COLUMNS = `id, ticket_id, type, title, body, link, created_at, read_at,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS sort_at`;
const DEFAULT_LIMIT = 50;

@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Inside the caller's transaction, one statement: the notifications (skipping inactive users
   * and duplicates of the same user+type+ticket in this call) and, when SMTP_URL is set, their
   * outbox rows (to the user's e-mail).
   */
  async notify(manager: EntityManager, at: Date, items: readonly NewNotification[]): Promise<void> {
    if (items.length === 0) return;
    const params = new SqlParams();
    await manager.query(`WITH ${this.notifyCtes(at, items, params).join(', ')} SELECT 1`, params.values);
  }

  /**
   * What `notify` writes, as the CTEs of a caller's statement (which may add its own, and writes
   * them all at once); their parameters are added to `params`. None for no items.
   */
  notifyCtes(at: Date, items: readonly NewNotification[], params: SqlParams): string[] {
    if (items.length === 0) return [];
    const atParam = params.add(at, 'timestamptz');
    const ctes = [
      `notified AS (INSERT INTO notifications (user_id, ticket_id, type, title, body, link, created_at)
       SELECT DISTINCT ON (i.user_id, i.type, i.ticket_id) i.user_id, i.ticket_id, i.type, i.title, i.body, i.link, ${atParam}
         FROM unnest(${params.addAll([
           [items.map((n) => n.userId), 'uuid[]'],
           [items.map((n) => n.ticketId), 'uuid[]'],
           [items.map((n) => n.type), 'notification_type[]'],
           [items.map((n) => n.title), 'text[]'],
           [items.map((n) => n.body), 'text[]'],
           [items.map((n) => n.link), 'text[]'],
         ])})
                WITH ORDINALITY AS i(user_id, ticket_id, type, title, body, link, ord)
         JOIN users u ON u.id = i.user_id AND u.active
        ORDER BY i.user_id, i.type, i.ticket_id, i.ord
       RETURNING id, user_id, type, ticket_id)`,
    ];
    if (!this.config.smtpUrl) return ctes;

    // The first item of each user+type+ticket is the one inserted (DISTINCT ON keeps the first).
    const firstOfKey = new Map<string, NewNotification>();
    for (const item of items) {
      const key = dedupKey(item.userId, item.type, item.ticketId);
      if (!firstOfKey.has(key)) firstOfKey.set(key, item);
    }
    const emails = [...firstOfKey.values()].map((item) => ({ item, ...composeNotificationEmail(item, this.config.appUrl) }));
    ctes.push(
      `emailed AS (INSERT INTO email_outbox (notification_id, to_address, subject, text_body, created_at, next_attempt_at)
       SELECT n.id, u.email, m.subject, m.text_body, ${atParam}, ${atParam}
         FROM notified n
         JOIN unnest(${params.addAll([
           [emails.map((e) => e.item.userId), 'uuid[]'],
           [emails.map((e) => e.item.type), 'notification_type[]'],
           [emails.map((e) => e.item.ticketId), 'uuid[]'],
           [emails.map((e) => e.subject), 'text[]'],
           [emails.map((e) => e.text), 'text[]'],
         ])}) AS m(user_id, type, ticket_id, subject, text_body)
           ON m.user_id = n.user_id AND m.type = n.type AND m.ticket_id IS NOT DISTINCT FROM n.ticket_id
         JOIN users u ON u.id = n.user_id)`,
    );
    return ctes;
  }

  /** The user's notifications, newest first, keyset-paginated by (created_at, id). */
  async list(userId: string, query: ListNotificationsQueryDto): Promise<NotificationListDto> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const params: unknown[] = [userId, limit + 1];
    const where = ['user_id = $1'];
    if (query.unread) where.push('read_at IS NULL');
    if (query.cursor) {
      const [sortAt, id] = decodeCursor(query.cursor, ['string', 'string']) as [string, string];
      // Forged values would reach PostgreSQL's parsers as a 500; they are a bad cursor like any other.
      if (!isISO8601(sortAt, { strict: true }) || !isUUID(id)) throw invalidCursor();
      params.push(sortAt, id);
      where.push(`(created_at, id) < ($3::timestamptz, $4::uuid)`);
    }
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $2`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toDto),
      nextCursor: rows.length > limit && last ? encodeCursor([last.sort_at, last.id]) : null,
    };
  }

  async unreadCount(userId: string): Promise<number> {
    const [row]: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return row?.count ?? 0;
  }

  /** Marks one of the user's notifications read; reading it again keeps the first read time. */
  async markRead(userId: string, id: string): Promise<NotificationDto> {
    const [rows]: [NotificationRow[], number] = await this.dataSource.query(
      `UPDATE notifications SET read_at = coalesce(read_at, $3) WHERE id = $1 AND user_id = $2 RETURNING ${COLUMNS}`,
      [id, userId, this.clock.now()],
    );
    // Another user's notification answers exactly like a missing one.
    if (!rows[0]) throw notFound('Notification');
    return toDto(rows[0]);
  }

  /** Marks every unread notification of the user read; answers how many it marked. */
  async markAllRead(userId: string): Promise<number> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL`,
      [userId, this.clock.now()],
    );
    return count;
  }
}

function dedupKey(userId: string, type: NotificationType, ticketId: string | null): string {
  return `${userId.toLowerCase()}|${type}|${ticketId?.toLowerCase() ?? ''}`;
}

function toDto(row: NotificationRow): NotificationDto {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    type: row.type,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: new Date(row.created_at).toISOString(),
    readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
  };
}
