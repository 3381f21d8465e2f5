import 'reflect-metadata';
import { startCivicDesk, type RunningCivicDesk } from '../../src/bootstrap.js';
import { FixedClock } from '../../src/common/time/clock.js';
import { JobRunner } from '../../src/modules/jobs/job-runner.service.js';
import type { ApiProcessReply, ApiProcessRequest } from './api-process.js';

/**
 * One CivicDesk instance in its own OS process, started by ApiProcess (api-process.ts) with the
 * same start-up as main.ts (config from the environment, migrations, HTTP, the job scheduler),
 * except that time is a FixedClock the test moves over IPC and the test can fire a job's tick, as
 * the scheduler's timer would, at a moment of its choosing. Nothing here is reachable in
 * production: this file only exists in the tests.
 */
const send = (reply: ApiProcessReply): void => void process.send?.(reply);

const clock = new FixedClock(process.argv[2] ?? '');
if (Number.isNaN(clock.now().getTime())) throw new Error('usage: api-process-main.ts <ISO start time>');

const starting: Promise<RunningCivicDesk> = startCivicDesk(process.env, { clock });
let stopping: Promise<never> | undefined;
/** As main.ts on SIGTERM: drain HTTP, let running jobs finish, close the pool; then exit. */
const stop = (): Promise<never> =>
  (stopping ??= starting
    .then((civicDesk) => civicDesk.stop())
    .then(
      () => process.exit(0),
      () => process.exit(1),
    ));

// Stopping is asked over IPC; and an orphan never outlives the test that started it.
process.on('disconnect', () => void stop());

process.on('message', (request: ApiProcessRequest) => {
  const run = async (): Promise<ApiProcessReply> => {
    switch (request.type) {
      case 'clock':
        clock.set(request.at);
        return { id: request.id, type: 'done' };
      case 'tick':
        return { id: request.id, type: 'ticked', result: await (await starting).app.get(JobRunner).tick(request.job) };
      case 'stop':
        return stop();
    }
  };
  run().then(send, (error: unknown) =>
    send({ id: request.id, type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});

const civicDesk = await starting;
send({ type: 'ready', url: civicDesk.url, pid: process.pid });
