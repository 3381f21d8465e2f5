import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { JobRunner, type JobContext } from '../jobs/job-runner.service.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { LoginThrottleService } from './login-throttle.service.js';

/**
 * Deletes dead sessions, old sign-in attempts and job run records older than 30 days.
 * Idempotent deletes, run hourly through the job runner.
 */
@Injectable()
export class HousekeepingJob implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly runner: JobRunner,
  ) {}

  onModuleInit(): void {
    this.runner.register({ name: 'housekeeping', everyMs: 60 * 60 * 1000, run: (context) => this.run(context) });
  }

  async run({ now }: JobContext): Promise<Record<string, number>> {
    const sessions = await this.sessions.deleteStale();
    const attempts = await this.throttle.deleteOld();
    const [, jobRuns]: [unknown, number] = await this.dataSource.query(`DELETE FROM job_runs WHERE started_at < $1`, [
      new Date(now.getTime() - 30 * 24 * 60 * 60 * 1000),
    ]);
    return { sessions, attempts, jobRuns };
  }
}
