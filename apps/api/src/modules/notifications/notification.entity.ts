import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Ticket } from '../tickets/ticket.entity.js';
import { User } from '../users/user.entity.js';
import { NOTIFICATION_TYPES, type NotificationType } from './domain/notification-vocabulary.js';

/**
 * An in-app notification for one user. Written by NotificationsService.notify inside the
 * transaction of the change it is about; read and marked read only by its user.
 */
@Entity({ name: 'notifications' })
@Index('notifications_user_created_idx', ['userId', 'createdAt', 'id'])
// Partial index the migration builds: a user's unread notifications, for the unread count.
@Index('notifications_user_unread_idx', { synchronize: false })
@Check('notifications_title_check', `btrim(title) <> ''`)
@Check('notifications_link_check', `link IS NULL OR left(link, 1) = '/'`)
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'notifications_user_id_fkey' })
  user?: Relation<User>;

  @Column({ name: 'ticket_id', type: 'uuid', nullable: true })
  ticketId: string | null;

  @ManyToOne(() => Ticket, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'notifications_ticket_id_fkey' })
  ticket?: Relation<Ticket>;

  @Column({ type: 'enum', enum: NOTIFICATION_TYPES, enumName: 'notification_type' })
  type: NotificationType;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  /** An app path such as /tickets/INC-000123; e-mails prefix it with APP_URL. */
  @Column({ type: 'text', nullable: true })
  link: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
