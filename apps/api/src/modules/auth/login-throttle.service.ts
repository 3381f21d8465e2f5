import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import { Clock } from '../../common/time/clock.js';

export const MAX_FAILURES_PER_WINDOW = 5;
export const FAILURE_WINDOW_MS = 60 * 1000;

/**
 * Brute-force guard: after 5 failed sign-ins within a minute for an account, or from an address,
 * further attempts answer 429 until the window has passed. Kept in PostgreSQL so every instance
 * behind a load balancer sees the same counts.
 *
 * An attempt is written (as a failure) before its password is checked and only then are the
 * others counted, so guesses sent at the same moment, to one instance or several, see each
 * other: however they arrive, at most 5 are checked against the password in a minute. (Counting
 * first and writing after the check let a burst of concurrent guesses all pass the count.)
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Records the attempt and answers 429 when the window is full; returns the attempt's id. */
  async begin(email: string, ip: string): Promise<string> {
    const now = this.clock.now();
    const [attempt]: { id: string }[] = await this.dataSource.query(
      `INSERT INTO login_attempts (email, ip, succeeded, attempted_at) VALUES ($1, $2, false, $3) RETURNING id`,
      [email, ip, now],
    );
    const [row] = await this.dataSource.query(
      `SELECT
         (SELECT count(*) FROM login_attempts WHERE email = $1 AND NOT succeeded AND attempted_at > $3 AND id <> $4)::int AS by_email,
         (SELECT count(*) FROM login_attempts WHERE ip = $2 AND NOT succeeded AND attempted_at > $3 AND id <> $4)::int AS by_ip`,
      [email, ip, new Date(now.getTime() - FAILURE_WINDOW_MS), attempt!.id],
    );
    if (row.by_email >= MAX_FAILURES_PER_WINDOW || row.by_ip >= MAX_FAILURES_PER_WINDOW) {
      // A refused attempt checked no password: it does not keep the window full.
      await this.dataSource.query(`DELETE FROM login_attempts WHERE id = $1`, [attempt!.id]);
      throw new AppError('too_many_attempts', 'Too many failed sign-ins; wait a minute and try again', {
        retryAfterSeconds: FAILURE_WINDOW_MS / 1000,
      });
    }
    return attempt!.id;
  }

  /** The attempt's password was right: it no longer counts as a failure. */
  async succeeded(attemptId: string, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE login_attempts SET succeeded = true WHERE id = $1`, [attemptId]);
  }

  /** Housekeeping: attempts older than a day no longer matter. */
  async deleteOld(): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(`DELETE FROM login_attempts WHERE attempted_at < $1`, [
      new Date(this.clock.now().getTime() - 24 * 60 * 60 * 1000),
    ]);
    return result[1];
  }
}
