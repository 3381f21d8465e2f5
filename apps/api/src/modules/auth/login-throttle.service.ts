import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import { Clock } from '../../common/time/clock.js';

export const MAX_FAILURES_PER_WINDOW = 5;
export const FAILURE_WINDOW_MS = 60 * 1000;

/**
 * Brute-force guard: after 5 failed sign-ins within a minute for an account, or from an address,
 * further attempts answer 429 until the window has passed. Kept in PostgreSQL so every instance
 * behind a load balancer sees the same counts.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async assertAllowed(email: string, ip: string): Promise<void> {
    const since = new Date(this.clock.now().getTime() - FAILURE_WINDOW_MS);
    const [row] = await this.dataSource.query(
      `SELECT
         (SELECT count(*) FROM login_attempts WHERE email = $1 AND NOT succeeded AND attempted_at > $3)::int AS by_email,
         (SELECT count(*) FROM login_attempts WHERE ip = $2 AND NOT succeeded AND attempted_at > $3)::int AS by_ip`,
      [email, ip, since],
    );
    if (row.by_email >= MAX_FAILURES_PER_WINDOW || row.by_ip >= MAX_FAILURES_PER_WINDOW) {
      throw new AppError('too_many_attempts', 'Too many failed sign-ins; wait a minute and try again', {
        retryAfterSeconds: FAILURE_WINDOW_MS / 1000,
      });
    }
  }

  async record(email: string, ip: string, succeeded: boolean): Promise<void> {
    await this.dataSource.query(`INSERT INTO login_attempts (email, ip, succeeded, attempted_at) VALUES ($1, $2, $3, $4)`, [
      email,
      ip,
      succeeded,
      this.clock.now(),
    ]);
  }

  /** Housekeeping: attempts older than a day no longer matter. */
  async deleteOld(): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(`DELETE FROM login_attempts WHERE attempted_at < $1`, [
      new Date(this.clock.now().getTime() - 24 * 60 * 60 * 1000),
    ]);
    return result[1];
  }
}
