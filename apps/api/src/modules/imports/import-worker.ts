import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG } from '../../common/config.tokens.js';
import type { AppConfig } from '../../config/app-config.js';
import { JobRunner } from '../jobs/job-runner.service.js';
import { TicketImportProcessor } from './ticket-import.processor.js';

/**
 * Runs imports in the background of instances that do background work (SCHEDULER_ENABLED): at
 * once when a run is queued here, and every 30 seconds through the job runner for runs queued
 * elsewhere or left by an instance that stopped. Claims make it safe for every instance to try.
 */
@Injectable()
export class ImportWorker implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(ImportWorker.name);
  private working: Promise<void> | null = null;
  private wokenWhileWorking = false;

  constructor(
    private readonly processor: TicketImportProcessor,
    private readonly runner: JobRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.runner.register({
      name: 'ticket-imports',
      everyMs: 30 * 1000,
      run: async () => ({ ...(await this.processor.runPending()), filesRemoved: await this.processor.removeOldFiles() }),
    });
  }

  /** A run was queued: start on it now instead of at the next tick. */
  wake(): void {
    if (!this.config.schedulerEnabled) return;
    if (this.working) {
      this.wokenWhileWorking = true;
      return;
    }
    this.working = this.processor
      .runPending()
      .then(
        () => undefined,
        (error: unknown) => this.logger.error({ err: error }, 'ticket imports failed'),
      )
      .finally(() => {
        this.working = null;
        if (this.wokenWhileWorking) {
          this.wokenWhileWorking = false;
          this.wake();
        }
      });
  }

  /**
   * A run in progress stops after its current batch and goes back to the queue for another
   * instance; before the application's shutdown hooks, so the pool is still open for that batch.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.processor.stop();
    await this.working;
  }
}
