import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../common/config.tokens.js';
import { Clock } from '../../common/time/clock.js';
import type { AppConfig } from '../../config/app-config.js';

export interface JobContext {
  now: Date;
  /** When this job last finished successfully (in any instance); null on the first run. */
  lastSucceededAt: Date | null;
}

export interface JobDefinition {
  name: string;
  everyMs: number;
  /**
   * Does everything that is due up to `now` (so a run after downtime catches up by itself) and
   * returns counts for the run record. Its effects must be idempotent or keyed, so a repeated
   * run changes nothing twice.
   */
  run(context: JobContext): Promise<Record<string, number>>;
}

export type TickResult = { ran: true; stats: Record<string, number> } | { ran: false; reason: 'busy' | 'recent' | 'failed' };

/**
 * A small job runner for many instances on one PostgreSQL: every tick tries the job's advisory
 * lock, so one instance works a tick while the others skip it; each run is recorded in job_runs.
 * Jobs also run once right after start-up, which catches up what fell due while the service was
 * down. SCHEDULER_ENABLED=false keeps an instance out of every job.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  private readonly jobs = new Map<string, JobDefinition>();
  private readonly running = new Set<Promise<unknown>>();
  private readonly timers: NodeJS.Timeout[] = [];
  private stopping = false;
  readonly instance = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  register(job: JobDefinition): void {
    if (this.jobs.has(job.name)) throw new Error(`job ${job.name} is registered twice`);
    this.jobs.set(job.name, job);
  }

  /** The registered jobs' names. */
  get jobNames(): string[] {
    return [...this.jobs.keys()];
  }

  onApplicationBootstrap(): void {
    if (!this.config.schedulerEnabled) return;
    for (const job of this.jobs.values()) {
      const interval = setInterval(() => this.scheduledTick(job.name), job.everyMs);
      interval.unref();
      this.scheduler.addInterval(`job:${job.name}`, interval);
      const catchUp = setTimeout(() => this.scheduledTick(job.name), 1000);
      catchUp.unref();
      this.scheduler.addTimeout(`job:${job.name}:catch-up`, catchUp);
      this.timers.push(interval, catchUp);
    }
  }

  /**
   * On shutdown no tick starts any more, and the ticks in progress finish (each job's work is in
   * its own transactions) before HTTP closes and the pool with it; after the grace period they are
   * left to the process exit, which makes PostgreSQL roll back whatever transaction is open.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    for (const timer of this.timers) clearTimeout(timer);
    if (this.running.size === 0) return;
    this.logger.log({ jobRuns: this.running.size }, 'waiting for job runs in progress');
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      Promise.allSettled([...this.running]).then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), this.config.shutdownGraceMs))),
    ]);
    clearTimeout(timer);
    if (finished) this.logger.log('job runs in progress finished');
    else this.logger.warn({ jobRuns: this.running.size }, 'job runs still in progress after the grace period');
  }

  /** One tick of a job: run it if this instance gets the job's lock, else skip. */
  async tick(name: string): Promise<TickResult> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`no job named ${name}`);
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      const [{ locked }] = await lock.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS locked`, [`civicdesk:job:${name}`]);
      if (!locked) return { ran: false, reason: 'busy' };
      try {
        return await this.runLocked(job);
      } finally {
        await lock.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`civicdesk:job:${name}`]);
      }
    } finally {
      await lock.release();
    }
  }

  private async runLocked(job: JobDefinition): Promise<TickResult> {
    const now = this.clock.now();
    const [last] = await this.dataSource.query(`SELECT max(started_at) AS at FROM job_runs WHERE job = $1 AND succeeded`, [
      job.name,
    ]);
    // Instances tick at about the same time: once one has worked this tick, the others skip it.
    if (last?.at && now.getTime() - new Date(last.at).getTime() < job.everyMs / 2) return { ran: false, reason: 'recent' };
    const [{ id }] = await this.dataSource.query(
      `INSERT INTO job_runs (job, instance, started_at) VALUES ($1, $2, $3) RETURNING id`,
      [job.name, this.instance, now],
    );
    try {
      const stats = await job.run({ now, lastSucceededAt: last?.at ?? null });
      await this.dataSource.query(`UPDATE job_runs SET finished_at = $2, succeeded = true, stats = $3 WHERE id = $1`, [
        id,
        this.clock.now(),
        JSON.stringify(stats),
      ]);
      return { ran: true, stats };
    } catch (error) {
      this.logger.error({ err: error, job: job.name }, 'scheduled job failed');
      await this.dataSource
        .query(`UPDATE job_runs SET finished_at = $2, succeeded = false, error = $3 WHERE id = $1`, [
          id,
          this.clock.now(),
          error instanceof Error ? error.message.slice(0, 2000) : String(error),
        ])
        .catch(() => undefined);
      return { ran: false, reason: 'failed' };
    }
  }

  private scheduledTick(name: string): void {
    if (!this.stopping) this.track(this.tick(name));
  }

  private track(run: Promise<unknown>): void {
    const tracked = run.catch((error: unknown) => this.logger.error({ err: error }, 'job tick failed'));
    this.running.add(tracked);
    void tracked.finally(() => this.running.delete(tracked));
  }
}
