import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Sign-in attempts, kept a day, for per-account and per-address throttling across instances. */
@Entity({ name: 'login_attempts' })
@Index('login_attempts_email_idx', ['email', 'attemptedAt'], { where: 'NOT succeeded' })
@Index('login_attempts_ip_idx', ['ip', 'attemptedAt'], { where: 'NOT succeeded' })
@Index('login_attempts_attempted_at_idx', ['attemptedAt'])
export class LoginAttempt {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  ip: string;

  @Column({ type: 'boolean' })
  succeeded: boolean;

  @Column({ name: 'attempted_at', type: 'timestamptz' })
  attemptedAt: Date;
}
