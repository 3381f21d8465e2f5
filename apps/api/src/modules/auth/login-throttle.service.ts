import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import { Clock } from '../../common/time/clock.js';

export const MAX_FAILURES_PER_WINDOW = 5;
export const FAILURE_WINDOW_MS = 60 * 1000;

/** Advisory lock classes (the first key of pg_advisory_xact_lock(int, int)): one per throttled key. */
const ACCOUNT_LOCK = 0x5e551;
const ADDRESS_LOCK = 0x5e552;

/**
 * Brute-force guard: after 5 failed sign-ins within a minute for an account, or from an address,
 * further attempts answer 429 until the window has passed. Kept in PostgreSQL so every instance
 * behind a load balancer sees the same counts.
 *
 * Guesses sent at the same moment all pass the early check before any of them is recorded, so
 * the outcome is recorded under a PostgreSQL advisory lock per account and per address, after
 * counting again: attempts on one key are put in one order across instances, and one beyond the
 * fifth failure answers 429 whatever its password was. However guesses arrive, at most 5 verdicts
 * a minute are given. Only failures count, so people signing in at once from one office address
 * never hold each other up.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The early check, before the password is verified: a full window costs no hash verification. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    if (await this.windowFull(this.dataSource.manager, email, ip)) throw tooManyAttempts();
  }

  /** Records the attempt's outcome, or answers 429 (recording nothing) when the window filled meanwhile. */
  async record(email: string, ip: string, succeeded: boolean): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // Always the account's lock first, then the address's: no two attempts wait for each other in a cycle.
      await manager.query(`SELECT pg_advisory_xact_lock(${ACCOUNT_LOCK}, hashtext($1))`, [email]);
      await manager.query(`SELECT pg_advisory_xact_lock(${ADDRESS_LOCK}, hashtext($1))`, [ip]);
      if (await this.windowFull(manager, email, ip)) throw tooManyAttempts();
      await manager.query(`INSERT INTO login_attempts (email, ip, succeeded, attempted_at) VALUES ($1, $2, $3, $4)`, [
        email,
        ip,
        succeeded,
        this.clock.now(),
      ]);
    });
  }

  private async windowFull(manager: EntityManager, email: string, ip: string): Promise<boolean> {
    const since = new Date(this.clock.now().getTime() - FAILURE_WINDOW_MS);
    const [row] = await manager.query(
      `SELECT
         (SELECT count(*) FROM login_attempts WHERE email = $1 AND NOT succeeded AND attempted_at > $3)::int AS by_email,
         (SELECT count(*) FROM login_attempts WHERE ip = $2 AND NOT succeeded AND attempted_at > $3)::int AS by_ip`,
      [email, ip, since],
    );
    return row.by_email >= MAX_FAILURES_PER_WINDOW || row.by_ip >= MAX_FAILURES_PER_WINDOW;
  }

  /** Housekeeping: attempts older than a day no longer matter. */
  async deleteOld(): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(`DELETE FROM login_attempts WHERE attempted_at < $1`, [
      new Date(this.clock.now().getTime() - 24 * 60 * 60 * 1000),
    ]);
    return result[1];
  }
}

function tooManyAttempts(): AppError {
  return new AppError('too_many_attempts', 'Too many failed sign-ins; wait a minute and try again', {
    retryAfterSeconds: FAILURE_WINDOW_MS / 1000,
  });
}
