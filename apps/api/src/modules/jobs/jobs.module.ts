import { Global, Module } from '@nestjs/common';
import { JobRunner } from './job-runner.service.js';

/** The job runner every feature registers its scheduled jobs with. */
@Global()
@Module({
  providers: [JobRunner],
  exports: [JobRunner],
})
export class JobsModule {}
