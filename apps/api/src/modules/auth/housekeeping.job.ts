import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { SessionsService } from '../sessions/sessions.service.js';
import { LoginThrottleService } from './login-throttle.service.js';

/**
 * Deletes dead sessions and old sign-in attempts. Idempotent deletes, so running in every
 * instance at once is harmless and needs no lock. Scheduled only when SCHEDULER_ENABLED.
 */
@Injectable()
export class HousekeepingJob {
  private readonly logger = new Logger(HousekeepingJob.name);

  constructor(
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
  ) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'auth-housekeeping' })
  async run(): Promise<void> {
    const sessions = await this.sessions.deleteStale();
    const attempts = await this.throttle.deleteOld();
    if (sessions || attempts) this.logger.log({ sessions, attempts }, 'deleted stale sessions and sign-in attempts');
  }
}
