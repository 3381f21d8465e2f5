import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobRunner, type JobContext } from '../jobs/job-runner.service.js';
import { MaintenanceGenerator } from './maintenance-generator.service.js';

/** Generates due maintenance tickets every five minutes (and once right after start-up, catching up). */
@Injectable()
export class MaintenanceGenerationJob implements OnModuleInit {
  constructor(
    private readonly runner: JobRunner,
    private readonly generator: MaintenanceGenerator,
  ) {}

  onModuleInit(): void {
    this.runner.register({
      name: 'maintenance-generation',
      everyMs: 5 * 60 * 1000,
      run: ({ now }: JobContext) => this.generator.run(now),
    });
  }
}
