import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/config/data-source.js';
import { Random } from '../src/database/seed/history/random.js';
import { CLAIM_MS } from '../src/modules/notifications/notification-sender.job.js';
import { ApiProcess } from './support/api-process.js';
import { FailoverBalancer, UpstreamError } from './support/failover-balancer.js';
import { configureWaterSla, createFaultCity, FAULT_SLA, signInAll, type FaultCity } from './support/fault-city.js';
import { halfWritten, missingAcknowledged, numberProblems, slaColumnMismatches } from './support/fault-checks.js';
import { withServerLogs } from './support/server-logs.js';
import { TEST_SECRET } from './support/test-app.js';
import { createTestDatabase } from './support/test-database.js';
import { TestSmtpServer, type ReceivedEmail } from './support/test-smtp-server.js';
import { TicketLoad, type LoadPerson } from './support/ticket-load.js';
import { waitFor } from './support/wait-for.js';

const MINUTE = 60_000;
const T0 = Date.parse('2026-03-02T14:00:00Z'); // Monday 09:00 in New York
const at = (minutes: number): Date => new Date(T0 + minutes * MINUTE);
/** The moments of the kills are drawn from this seed (CIVICDESK_FAULT_SEED replays another run). */
const SEED = Number(process.env.CIVICDESK_FAULT_SEED ?? 20_260_302);
const TICKETS = 36;
const CLIENTS_AT_ONCE = 12;
/** The e-mail sender's batch (NotificationSenderJob): a run claims at most this many rows. */
const SENDER_BATCH = 50;
/** The sender's claim on its rows (NotificationSenderJob): a dead sender's rows come back after it. */
const CLAIM_MINUTES = CLAIM_MS / 60_000;
/** Minutes the victim stays down in the second test: both first-response levels and the resolution level fall due. */
const DOWN_UNTIL = 100;
/** Room for Node processes starting on a busy 2-core machine (see scale-out.test.ts). */
const BOOT_MS = 180_000;
const VICTIM = 0;

/** The Message-ID the sender gives an e-mail: its outbox row's id (see Mailer). */
const messageId = (m: ReceivedEmail): string | undefined => /^Message-ID:\s*<([^@>]+)@helpdesk\.city\.test>/im.exec(m.raw)?.[1];

/**
 * Two CivicDesk API processes on one PostgreSQL behind a balancer that skips an instance it
 * cannot reach: api-1 runs the scheduled jobs, api-2 only serves requests. api-1 is killed with
 * SIGKILL (no drain, no shutdown hook) in the middle of a load of creates, comments and changes,
 * at a moment drawn from a seed while requests are in flight; later while its e-mail sender is in
 * the middle of a batch; and it stays down while escalations fall due. Each time it is started
 * again and the database must show nothing half-written and nothing acknowledged lost, each
 * e-mail delivered once (by its Message-ID) and each escalation level fired once.
 */
describe(`Fault: SIGKILL of an API process (seed ${SEED})`, () => {
  const rng = Random.seeded(SEED);
  let database: { url: string; drop(): Promise<void> };
  let db: DataSource;
  let smtp: TestSmtpServer;
  let api1: ApiProcess | undefined;
  let api2: ApiProcess | undefined;
  let api1Pid = 0;
  let balancer: FailoverBalancer;
  let env: Record<string, string>;
  let city: FaultCity;
  let admin: LoadPerson;
  let manager: LoadPerson;
  let technicians: LoadPerson[];
  let requesters: LoadPerson[];
  let load: TicketLoad | undefined;

  const startApi1 = async (name: string, now: Date): Promise<ApiProcess> => {
    const started = await ApiProcess.start(name, {
      env: { ...env, SCHEDULER_ENABLED: 'true' },
      now: now.toISOString(),
      timeoutMs: BOOT_MS,
    });
    api1Pid = started.pid;
    balancer.replace(VICTIM, started.url);
    return started.process;
  };

  beforeAll(
    () =>
      withServerLogs(
        () => [api1, api2],
        async () => {
          smtp = await new TestSmtpServer().start();
          database = await createTestDatabase();
          db = createDataSource(database.url, { poolSize: 4 });
          await db.initialize();
          city = await createFaultCity(db);

          env = {
            NODE_ENV: 'production',
            DATABASE_URL: database.url,
            SESSION_SECRET: TEST_SECRET,
            APP_URL: 'https://helpdesk.city.test',
            TRUST_PROXY: 'true',
            SMTP_URL: smtp.url,
            LOG_LEVEL: 'warn',
          };
          balancer = new FailoverBalancer(['', '']);
          const [first, second] = await Promise.allSettled([
            startApi1('api-1', at(0)),
            ApiProcess.start('api-2', {
              env: { ...env, SCHEDULER_ENABLED: 'false' },
              now: at(0).toISOString(),
              timeoutMs: BOOT_MS,
            }),
          ]);
          if (first.status === 'fulfilled') api1 = first.value;
          if (second.status === 'fulfilled') {
            api2 = second.value.process;
            balancer.replace(1, second.value.url);
          }
          if (first.status === 'rejected') throw first.reason;
          if (second.status === 'rejected') throw second.reason;

          const everyone = await signInAll([city.admin, city.manager, ...city.technicians, ...city.requesters], () =>
            balancer.client(),
          );
          [admin, manager] = [everyone[0]!, everyone[1]!];
          technicians = everyone.slice(2, 2 + city.technicians.length);
          requesters = everyone.slice(2 + city.technicians.length);
          await configureWaterSla(admin.client, city.waterDept);
        },
      ),
    2 * BOOT_MS,
  );

  afterAll(async () => {
    await Promise.all([api1?.stop(), api2?.stop()]);
    await smtp?.close();
    if (db?.isInitialized) await db.destroy();
    await database?.drop();
  }, 60_000);

  it(
    'mid-load: nothing is half-written, nothing acknowledged is lost, and the restarted process serves',
    () =>
      withServerLogs(
        () => [api1, api2],
        async () => {
          // Roughly 220 requests in all; the kill comes after a seeded number of answers.
          const killAfter = rng.int(50, 130);
          let answers = 0;
          let killed: { afterAnswers: number; inFlight: number; sentToSurvivor: number } | undefined;
          let killing: Promise<void> | undefined;
          balancer.onResponse = (instance) => {
            answers += 1;
            // Requests to the victim still waiting for their answer (the one being answered excluded).
            const waiting = balancer.inFlight[VICTIM]! - (instance === VICTIM ? 1 : 0);
            if (killed || answers < killAfter || waiting === 0) return;
            killed = { afterAnswers: answers, inFlight: waiting, sentToSurvivor: balancer.sent[1]! };
            killing = api1!.kill();
          };
          load = new TicketLoad({ requesters, technicians, queueId: city.fieldQueue }, ({ request, error, response }) => {
            // Only requests the dead process had taken may go unanswered; nothing else may fail.
            if (killed && error instanceof UpstreamError && error.instance === VICTIM) return;
            throw new Error(`${request}: ${response ? `${response.status} ${JSON.stringify(response.body)}` : String(error)}`, {
              cause: error,
            });
          });
          await load.run(TICKETS, CLIENTS_AT_ONCE);
          balancer.onResponse = undefined;

          expect(killed).toBeDefined();
          await killing;
          expect(killed!.inFlight).toBeGreaterThan(0);
          // The load went on through the survivor after the kill.
          expect(balancer.sent[1]!).toBeGreaterThan(killed!.sentToSurvivor);

          api1 = await startApi1('api-1 after SIGKILL', at(0));

          expect(await numberProblems(db, load)).toEqual([]);
          expect(await missingAcknowledged(db, load)).toEqual([]);
          expect(await halfWritten(db, { emails: true })).toEqual([]);
          // Stored clocks agree with the replayed trail; half of these reads go to the restarted process.
          const before = balancer.sent[VICTIM]!;
          expect(await slaColumnMismatches(db, manager.client)).toEqual([]);
          expect(balancer.sent[VICTIM]! - before).toBeGreaterThan(0);
          // And with the policy: every ticket timed on the 24×7 calendar from its creation.
          expect(
            await db.query(
              `SELECT number FROM tickets
                WHERE sla_policy_version_id IS NULL OR first_response_due_at <> created_at + make_interval(mins => $1)`,
              [FAULT_SLA.firstResponseMinutes],
            ),
          ).toEqual([]);
        },
      ),
    2 * BOOT_MS,
  );

  it(
    'mid-batch of the e-mail sender and down while escalations fall due: each e-mail is delivered once, each level fires once',
    () =>
      withServerLogs(
        () => [api1, api2],
        async () => {
          if (!load) throw new Error('needs the load of the test before');
          // The kill of the test before may have caught its scheduled sender at work (at minute 0): what
          // it claimed waits for the claim to run out, and the one it was sending may go out twice.
          const leftClaimed: { id: string }[] = await db.query(
            `SELECT id FROM email_outbox WHERE sent_at IS NULL AND claimed_until IS NOT NULL`,
          );
          const leftByTheFirstKill = new Set(leftClaimed.map((r) => r.id));
          // What a sender may claim at minute 1.
          const [{ waiting }] = await db.query(
            `SELECT count(*)::int AS waiting FROM email_outbox
              WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until < $1)`,
            [at(1)],
          );
          expect(waiting).toBeGreaterThan(10);

          // ── The sender claims a batch and is killed as the SMTP server takes a seeded one of it: the
          //    server delivers that one, the sender never hears so and cannot record it. ──
          const batch = Math.min(SENDER_BATCH, waiting);
          const killAt = rng.int(2, batch - 2);
          const deliveredBeforeBatch = smtp.received.length;
          let arrived = 0;
          let inFlightId: string | undefined;
          let killing: Promise<void> | undefined;
          smtp.onMessage = (email) => {
            arrived += 1;
            if (arrived !== killAt) return;
            inFlightId = messageId(email);
            smtp.onMessage = undefined;
            killing = api1!.kill();
          };
          await Promise.all([api1!.setClock(at(1)), api2!.setClock(at(1))]);
          // The tick dies with the process (or finds the scheduler's own tick of the sender at work).
          await api1!.tick('notification-sender').catch(() => undefined);
          await waitFor('the sender to be killed mid-batch', () => killing !== undefined);
          await killing;
          expect(smtp.received.length - deliveredBeforeBatch).toBe(killAt);
          // Its claim, by when it runs out (not one left by the test before).
          const claimedByTheDead: { id: string }[] = await db.query(
            `SELECT id FROM email_outbox WHERE sent_at IS NULL AND claimed_until = $1`,
            [new Date(at(1).getTime() + CLAIM_MS)],
          );
          // The kill came in the middle of the batch: the one in flight and the rest of the batch are claimed, not sent.
          expect(claimedByTheDead.length).toBe(batch - killAt + 1);
          expect(claimedByTheDead.map((r) => r.id)).toContain(inFlightId);
          const claimed = new Set(claimedByTheDead.map((r) => r.id));

          // ── Another instance's sender leaves the dead one's claim alone until it expires. ──
          const deliveredBefore = smtp.received.length;
          // (Its tick is busy until PostgreSQL has seen the dead process's session go, with the job's lock.)
          const survivorRun = await waitFor('a sender run in api-2', async () => {
            const result = await api2!.tick('notification-sender');
            return result.ran ? result : undefined;
          });
          expect(survivorRun.stats.sent).toBe(Math.min(SENDER_BATCH, waiting - batch));
          const takenEarly = smtp.received.slice(deliveredBefore).filter((m) => claimed.has(messageId(m) ?? ''));
          expect(takenEarly).toEqual([]);

          // ── api-1 stays down while escalations fall due, and comes back. ──
          const killedPid = api1Pid;
          await api2!.setClock(at(DOWN_UNTIL));
          api1 = await startApi1('api-1 after the second SIGKILL', at(DOWN_UNTIL));
          // Its start-up catch-up run fires what fell due while it was down.
          const catchUp = await waitFor('the catch-up escalation sweep of the restarted api-1', async () => {
            const [run] = await db.query(
              `SELECT started_at, stats FROM job_runs WHERE job = 'sla-escalations' AND succeeded AND instance LIKE $1`,
              [`%:${api1Pid}:%`],
            );
            return run as { started_at: Date; stats: { fired: number } } | undefined;
          });
          expect(catchUp.started_at).toEqual(at(DOWN_UNTIL));
          expect(catchUp.stats.fired).toBeGreaterThan(0);
          // A later sweep, whichever instance works it, finds nothing more to fire.
          await Promise.all([api1.setClock(at(DOWN_UNTIL + 1)), api2!.setClock(at(DOWN_UNTIL + 1))]);
          await Promise.all([api1.tick('sla-escalations'), api2!.tick('sla-escalations')]);
          const later: { fired: number }[] = await db.query(
            `SELECT (stats->>'fired')::int AS fired FROM job_runs WHERE job = 'sla-escalations' AND succeeded AND started_at > $1`,
            [at(DOWN_UNTIL)],
          );
          expect(later.length).toBeGreaterThan(0);
          expect(later.filter((r) => r.fired !== 0)).toEqual([]);

          // ── The outbox drains, a minute at a time, with the senders of both instances ticking at once
          //    (a tick finds the other's run, or the catch-up run of the restarted api-1, still at work). ──
          let minute = DOWN_UNTIL + 1;
          await waitFor('the outbox to drain', async () => {
            const [{ left }] = await db.query(`SELECT count(*)::int AS left FROM email_outbox WHERE sent_at IS NULL`);
            if (left === 0) return true;
            minute += 1;
            await Promise.all([api1!.setClock(at(minute)), api2!.setClock(at(minute))]);
            await Promise.all([api1!.tick('notification-sender'), api2!.tick('notification-sender')]);
            return false;
          });

          // ── E-mail: every row sent, each Message-ID delivered, to its address. ──
          const outbox: { id: string; to_address: string; sent_at: Date | null; failed_at: Date | null }[] = await db.query(
            `SELECT id, to_address, sent_at, failed_at FROM email_outbox`,
          );
          expect(outbox.filter((o) => o.sent_at === null || o.failed_at !== null)).toEqual([]);
          const delivered = smtp.received.map((m) => `${messageId(m)} ${m.to.join(',')}`);
          expect([...new Set(delivered)].sort()).toEqual(outbox.map((o) => `${o.id} ${o.to_address}`).sort());
          // The one the server took as the sender died went out again once the claim expired, with the
          // same Message-ID (so the recipient's mail system shows it once); every other e-mail went out once.
          const twice = delivered.filter((d, i) => delivered.indexOf(d) !== i).map((d) => d.split(' ')[0]);
          expect(twice).toContain(inFlightId);
          expect(twice.filter((id) => id !== inFlightId && !leftByTheFirstKill.has(id!))).toEqual([]);
          expect(twice.length).toBeLessThanOrEqual(2);
          // The dead sender's claimed rows went out only once their claim had expired.
          const reclaimed = outbox.filter((o) => claimed.has(o.id));
          expect(reclaimed.filter((o) => o.sent_at! < at(1 + CLAIM_MINUTES))).toEqual([]);

          // ── Escalations: each level that fell due fired once, at the catch-up, with one trail event. ──
          const tickets: {
            id: string;
            number: string;
            status: string;
            first_response_at: Date | null;
            assignee_id: string | null;
            lead_id: string | null;
          }[] = await db.query(
            `SELECT t.id, t.number, t.status, t.first_response_at, t.assignee_id, q.lead_id
               FROM tickets t JOIN queues q ON q.id = t.queue_id`,
          );
          // All the load's changes happened at T0, so what is due at DOWN_UNTIL follows from the state alone.
          const expectedLevels = (t: (typeof tickets)[number]): string[] => [
            ...(t.first_response_at === null && ['new', 'assigned', 'in_progress'].includes(t.status)
              ? ['first_response:1', 'first_response:2']
              : []),
            ...(['new', 'assigned', 'in_progress'].includes(t.status) ? ['resolution:1'] : []),
          ];
          const fired: { number: string; level: string; fired_at: Date; n: number; events: number }[] = await db.query(
            `SELECT t.number, x.target || ':' || x.level AS level, min(x.fired_at) AS fired_at, count(*)::int AS n,
                    (SELECT count(*)::int FROM ticket_events e WHERE e.ticket_id = t.id AND e.type = 'sla_escalated'
                        AND e.data->>'target' = x.target AND (e.data->>'level')::int = x.level) AS events
               FROM sla_escalations x JOIN tickets t ON t.id = x.ticket_id
              GROUP BY t.id, t.number, x.target, x.level`,
          );
          expect(fired.filter((f) => f.n !== 1 || f.events !== 1)).toEqual([]);
          expect(fired.filter((f) => f.fired_at.getTime() !== at(DOWN_UNTIL).getTime())).toEqual([]);
          expect(fired.map((f) => `${f.number} ${f.level}`).sort()).toEqual(
            tickets.flatMap((t) => expectedLevels(t).map((level) => `${t.number} ${level}`)).sort(),
          );
          // One escalation notice per person per ticket (the levels of one sweep share it): the assignee,
          // the managers, the queue's lead, as the levels' actions say.
          const notices: { ticket_id: string; user_id: string; n: number }[] = await db.query(
            `SELECT ticket_id, user_id, count(*)::int AS n FROM notifications WHERE type = 'sla_escalation' GROUP BY 1, 2`,
          );
          const expectedNotices = tickets.flatMap((t) => {
            const levels = expectedLevels(t);
            const who = new Set<string>();
            if (levels.includes('first_response:1') && t.assignee_id) who.add(t.assignee_id);
            if (levels.includes('first_response:2')) who.add(manager.id);
            if (levels.includes('resolution:1') && t.lead_id) who.add(t.lead_id);
            return [...who].map((userId) => `${t.id} ${userId} 1`);
          });
          expect(notices.map((n) => `${n.ticket_id} ${n.user_id} ${n.n}`).sort()).toEqual(expectedNotices.sort());
          expect(expectedNotices.some((n) => n.includes(city.lead.id))).toBe(true);

          // Still nothing half-written; the killed sender's run is left unfinished, as are only runs of the dead.
          expect(await halfWritten(db, { emails: true })).toEqual([]);
          const unfinished: { job: string; instance: string }[] = await db.query(
            `SELECT job, instance FROM job_runs WHERE finished_at IS NULL`,
          );
          expect(unfinished.map((r) => r.job)).toContain('notification-sender');
          expect(unfinished.filter((r) => !r.instance.includes(`:${killedPid}:`))).toEqual([]);
        },
      ),
    2 * BOOT_MS,
  );
});
