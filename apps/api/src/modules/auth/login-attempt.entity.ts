import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Sign-in attempts, kept a day, for per-account and per-address throttling across instances. */
@Entity({ name: 'login_attempts' })
export class LoginAttempt {
  @PrimaryGeneratedColumn({ type: 'bigint' })
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
