import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JobRunner } from '../src/modules/jobs/job-runner.service.js';
import { EMAIL_FOOTER } from '../src/modules/notifications/domain/notification-email.js';
import { NotificationSenderJob } from '../src/modules/notifications/notification-sender.job.js';
import { NotificationsService, type NewNotification } from '../src/modules/notifications/notifications.service.js';
import { createDepartment, createUser, type UserRecord } from './factories/identity.factory.js';
import { createTicket, queueId, type TicketRecord } from './factories/ticket.factory.js';
import { TestSmtpServer } from './support/test-smtp-server.js';
import { startTestApp, type ApiClient, type TestApp } from './support/test-app.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

describe('notifications', () => {
  let smtp: TestSmtpServer;
  /** Two instances with SMTP_URL on one database, and one without it on the same database. */
  let t: TestApp;
  let second: TestApp;
  let noMail: TestApp;
  let ticket: TicketRecord;
  let departmentId: string;
  let now = new Date('2026-03-02T14:00:00Z');

  beforeAll(async () => {
    smtp = await new TestSmtpServer().start();
    const env = { SMTP_URL: smtp.url };
    t = await startTestApp({ env, now: now.toISOString() });
    second = await startTestApp({ env, now: now.toISOString(), sharedDatabaseUrl: t.databaseUrl });
    noMail = await startTestApp({ now: now.toISOString(), sharedDatabaseUrl: t.databaseUrl });
    departmentId = (await createDepartment(t.dataSource)).id;
    const requester = await createUser(t.dataSource, { departmentId });
    ticket = await createTicket(t.dataSource, {
      requesterId: requester.id,
      departmentId,
      queueId: await queueId(t.dataSource, 'service_desk'),
    });
  });
  afterAll(async () => {
    for (const instance of [noMail, second, t]) await instance?.close();
    await smtp?.close();
  });

  /** Moves every instance's clock forward (ticks less than half a period apart are skipped as recent). */
  const advance = (ms: number): Date => {
    now = new Date(now.getTime() + ms);
    for (const instance of [t, second, noMail]) instance.clock.set(now);
    return now;
  };
  const tick = async (instance: TestApp = t): Promise<Record<string, number>> => {
    advance(15 * SECOND);
    const result = await instance.app.get(JobRunner).tick('notification-sender');
    if (!result.ran) throw new Error(`notification-sender did not run: ${result.reason}`);
    return result.stats;
  };
  const notify = (items: NewNotification[], instance: TestApp = t, at: Date = now): Promise<void> =>
    instance.dataSource.transaction((manager) => instance.app.get(NotificationsService).notify(manager, at, items));
  const assigned = (user: UserRecord, title = `${ticket.number} was assigned to you`): NewNotification => ({
    userId: user.id,
    ticketId: ticket.id,
    type: 'ticket_assigned',
    title,
    body: 'The printer on floor 2 is jammed.',
    link: `/tickets/${ticket.number}`,
  });
  const outboxOf = (user: UserRecord): Promise<any[]> =>
    t.dataSource.query(`SELECT o.* FROM email_outbox o JOIN notifications n ON n.id = o.notification_id WHERE n.user_id = $1`, [
      user.id,
    ]);
  const signIn = async (user: UserRecord): Promise<ApiClient> => {
    const client = t.client();
    await client.login(user.email, user.password);
    return client;
  };

  describe('notify()', () => {
    it("writes the notifications and their e-mails in the caller's transaction, in one statement however many", async () => {
      const [solo, alice, bob, carol] = await Promise.all([
        createUser(t.dataSource),
        createUser(t.dataSource),
        createUser(t.dataSource),
        createUser(t.dataSource, { active: false }),
      ]);
      const crowd = await Promise.all(Array.from({ length: 12 }, () => createUser(t.dataSource)));
      const statementsFor = async (items: NewNotification[]): Promise<number> =>
        t.dataSource.transaction(async (manager) => {
          t.statements.reset();
          await t.app.get(NotificationsService).notify(manager, now, items);
          return t.statements.count;
        });
      const escalation = { ...assigned(alice), type: 'sla_escalation' as const, ticketId: null, link: null };

      expect(await statementsFor([assigned(solo)])).toBe(1);
      expect(
        await statementsFor([
          assigned(alice, 'First title wins'),
          assigned(alice, 'A duplicate of the same user, type and ticket: skipped'),
          { ...assigned(alice), type: 'public_reply', title: 'New reply on your ticket' },
          { ...escalation, title: 'Escalation' },
          { ...escalation, title: 'Another escalation without a ticket: skipped' },
          assigned(bob),
          assigned(carol),
          ...crowd.map((u) => assigned(u)),
        ]),
      ).toBe(1);

      const rows = await t.dataSource.query(
        `SELECT user_id, type, title, ticket_id, created_at, read_at FROM notifications
          WHERE user_id = ANY($1) ORDER BY title`,
        [[alice.id, bob.id, carol.id]],
      );
      expect(rows.map((r: any) => [r.user_id, r.type, r.title, r.ticket_id])).toEqual([
        [alice.id, 'sla_escalation', 'Escalation', null],
        [alice.id, 'ticket_assigned', 'First title wins', ticket.id],
        [bob.id, 'ticket_assigned', `${ticket.number} was assigned to you`, ticket.id],
        [alice.id, 'public_reply', 'New reply on your ticket', ticket.id],
      ]);
      expect(new Date(rows[0].created_at)).toEqual(now);
      expect(rows[0].read_at).toBeNull();

      const [email] = await outboxOf(bob);
      expect(email).toMatchObject({
        to_address: bob.email,
        subject: `[CivicDesk] ${ticket.number} was assigned to you`,
        text_body: `The printer on floor 2 is jammed.\n\n${t.config.appUrl}/tickets/${ticket.number}\n\n-- \n${EMAIL_FOOTER}\n`,
        attempts: 0,
        sent_at: null,
        failed_at: null,
      });
      expect(new Date(email.next_attempt_at)).toEqual(now);
      expect(await outboxOf(alice)).toHaveLength(3);
      expect(await outboxOf(carol)).toHaveLength(0);
      const [{ count: crowdNotified }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM email_outbox o JOIN notifications n ON n.id = o.notification_id WHERE n.user_id = ANY($1)`,
        [crowd.map((u) => u.id)],
      );
      expect(crowdNotified).toBe(12);
    });

    it('leaves nothing behind when the caller rolls back', async () => {
      const user = await createUser(t.dataSource);
      await expect(
        t.dataSource.transaction(async (manager) => {
          await t.app.get(NotificationsService).notify(manager, now, [assigned(user)]);
          const [written] = await manager.query(
            `SELECT count(*)::int AS notifications, (SELECT count(*)::int FROM email_outbox WHERE to_address = $2) AS emails
               FROM notifications WHERE user_id = $1`,
            [user.id, user.email],
          );
          expect(written).toEqual({ notifications: 1, emails: 1 });
          throw new Error('the ticket change failed');
        }),
      ).rejects.toThrow('the ticket change failed');
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM notifications WHERE user_id = $1`, [
        user.id,
      ]);
      expect(count).toBe(0);
      expect(await outboxOf(user)).toHaveLength(0);
    });

    it('writes no e-mails and sends none when SMTP_URL is not set', async () => {
      const user = await createUser(t.dataSource);
      await notify([assigned(user)], noMail);
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM notifications WHERE user_id = $1`, [
        user.id,
      ]);
      expect(count).toBe(1);
      expect(await outboxOf(user)).toHaveLength(0);

      const pending = await createUser(t.dataSource);
      await notify([assigned(pending)]);
      expect(await tick(noMail)).toEqual({ sent: 0, retrying: 0, failed: 0 });
      const [row] = await outboxOf(pending);
      expect(row.sent_at).toBeNull();
      expect(row.attempts).toBe(0);
    });
  });

  describe('routes', () => {
    let dave: UserRecord;
    let eve: UserRecord;
    let daveClient: ApiClient;
    let eveClient: ApiClient;
    let start: Date;

    beforeAll(async () => {
      // In the past, so their e-mails are due before the sender tests below.
      start = new Date(now.getTime() - 10 * MINUTE);
      [dave, eve] = await Promise.all([createUser(t.dataSource), createUser(t.dataSource)]);
      [daveClient, eveClient] = await Promise.all([signIn(dave), signIn(eve)]);
      // Three at the same instant (the id breaks the tie), then two a minute apart.
      await notify(
        [
          { ...assigned(dave), title: 'n1' },
          { ...assigned(dave), type: 'public_reply', title: 'n2' },
          { ...assigned(dave), type: 'ticket_resolved', title: 'n3' },
        ],
        t,
        start,
      );
      await notify([{ ...assigned(dave), type: 'sla_escalation', title: 'n4' }], t, new Date(start.getTime() + MINUTE));
      await notify(
        [{ ...assigned(dave), type: 'ticket_created_in_queue', title: 'n5' }],
        t,
        new Date(start.getTime() + 2 * MINUTE),
      );
      await notify([{ ...assigned(eve), title: 'for eve' }]);
    });

    it('lists only your own, newest first, page by page with a cursor', async () => {
      const all = await daveClient.get('/api/notifications');
      expect(all.status).toBe(200);
      expect(all.body.nextCursor).toBeNull();
      expect(all.body.items).toHaveLength(5);
      expect(all.body.items.slice(0, 2).map((n: any) => n.title)).toEqual(['n5', 'n4']);
      expect(all.body.items[0]).toEqual({
        id: expect.any(String),
        ticketId: ticket.id,
        type: 'ticket_created_in_queue',
        title: 'n5',
        body: 'The printer on floor 2 is jammed.',
        link: `/tickets/${ticket.number}`,
        createdAt: new Date(start.getTime() + 2 * MINUTE).toISOString(),
        readAt: null,
      });
      const sameInstant = all.body.items.slice(2);
      expect(sameInstant.map((n: any) => n.id)).toEqual(
        sameInstant
          .map((n: any) => n.id)
          .sort()
          .reverse(),
      );

      const paged: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const page = await daveClient.get(`/api/notifications?limit=2${query}`);
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        paged.push(...page.body.items.map((n: any) => n.id));
        cursor = page.body.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(3);
      expect(paged).toEqual(all.body.items.map((n: any) => n.id));

      const eves = await eveClient.get('/api/notifications');
      expect(eves.body.items.map((n: any) => n.title)).toEqual(['for eve']);
    });

    it('counts unread, marks one read idempotently, filters unread and marks all read', async () => {
      expect((await daveClient.get('/api/notifications/unread-count')).body).toEqual({ count: 5 });
      const [newest] = (await daveClient.get('/api/notifications')).body.items;

      advance(MINUTE);
      const readAt = now.toISOString();
      const read = await daveClient.post(`/api/notifications/${newest.id}/read`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual({ ...newest, readAt });
      advance(MINUTE);
      const again = await daveClient.post(`/api/notifications/${newest.id}/read`);
      expect(again.status).toBe(200);
      expect(again.body.readAt).toBe(readAt);

      expect((await daveClient.get('/api/notifications/unread-count')).body).toEqual({ count: 4 });
      const unread = await daveClient.get('/api/notifications?unread=true');
      const everyId = (await daveClient.get('/api/notifications')).body.items.map((n: any) => n.id);
      expect(unread.body.items.map((n: any) => n.id)).toEqual(everyId.filter((id: string) => id !== newest.id));
      expect((await daveClient.get('/api/notifications?unread=false')).body.items).toHaveLength(5);

      const all = await daveClient.post('/api/notifications/read-all');
      expect(all.status).toBe(200);
      expect(all.body).toEqual({ count: 4 });
      expect((await daveClient.get('/api/notifications/unread-count')).body).toEqual({ count: 0 });
      expect((await daveClient.get('/api/notifications?unread=true')).body.items).toEqual([]);
      expect((await daveClient.post('/api/notifications/read-all')).body).toEqual({ count: 0 });
      // Eve's stay unread.
      expect((await eveClient.get('/api/notifications/unread-count')).body).toEqual({ count: 1 });
    });

    it("answers 404 for another user's notification exactly like a missing one, and changes nothing", async () => {
      const [evesOwn] = (await eveClient.get('/api/notifications')).body.items;
      const foreign = await daveClient.post(`/api/notifications/${evesOwn.id}/read`);
      const missing = await daveClient.post('/api/notifications/00000000-0000-4000-8000-000000000000/read');
      const malformed = await daveClient.post('/api/notifications/not-a-uuid/read');
      expect(foreign.status).toBe(404);
      expect(foreign.body).toEqual(missing.body);
      expect(malformed.status).toBe(404);
      const [row] = await t.dataSource.query(`SELECT read_at FROM notifications WHERE id = $1`, [evesOwn.id]);
      expect(row.read_at).toBeNull();
    });

    it('requires a session and the CSRF header', async () => {
      expect((await t.client().get('/api/notifications')).status).toBe(401);
      expect((await t.client().get('/api/notifications/unread-count')).status).toBe(401);
      expect((await eveClient.post('/api/notifications/read-all', undefined, { csrf: false })).status).toBe(403);
      expect((await eveClient.get('/api/notifications/unread-count')).body).toEqual({ count: 1 });
    });

    it('answers bad query values with 400 naming the field', async () => {
      const fieldsOf = async (query: string): Promise<string[]> => {
        const res = await daveClient.get(`/api/notifications?${query}`);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('validation_failed');
        return res.body.details.map((d: { field: string }) => d.field);
      };
      expect(await fieldsOf('limit=0')).toEqual(['limit']);
      expect(await fieldsOf('limit=201')).toEqual(['limit']);
      expect(await fieldsOf('limit=ten')).toEqual(['limit']);
      expect(await fieldsOf('unread=maybe')).toEqual(['unread']);
      expect(await fieldsOf('cursor=%%%')).toEqual(['cursor']);
      const forged = Buffer.from(JSON.stringify(['yesterday', 'not-a-uuid'])).toString('base64url');
      expect(await fieldsOf(`cursor=${forged}`)).toEqual(['cursor']);
    });
  });

  describe('the notification-sender job', () => {
    it('sends each e-mail once, with the right recipient, sender and subject, however often and wherever it runs', async () => {
      const frank = await createUser(t.dataSource);
      await notify([assigned(frank, 'Sent once')]);
      const first = await tick();
      expect(first.sent).toBeGreaterThanOrEqual(1);
      expect(smtp.to(frank.email)).toEqual([
        expect.objectContaining({ from: 'no-reply@localhost', to: [frank.email], subject: '[CivicDesk] Sent once' }),
      ]);
      expect(smtp.to(frank.email)[0]!.raw).toContain(`/tickets/${ticket.number}`);
      const [row] = await outboxOf(frank);
      expect(new Date(row.sent_at)).toEqual(now);
      expect(row.attempts).toBe(1);
      expect(row.claimed_until).toBeNull();

      expect(await tick()).toEqual({ sent: 0, retrying: 0, failed: 0 });
      expect(await tick(second)).toEqual({ sent: 0, retrying: 0, failed: 0 });
      expect(smtp.to(frank.email)).toHaveLength(1);
    });

    it('never sends an e-mail twice when two instances run the sender at the same moment', async () => {
      const users = await Promise.all(Array.from({ length: 6 }, () => createUser(t.dataSource)));
      await notify(users.map((u) => assigned(u, 'Raced')));
      advance(15 * SECOND);
      // Straight to the job, past the runner's advisory lock: the claim alone must keep them apart.
      const runs = await Promise.all(
        [t, second].map((i) => i.app.get(NotificationSenderJob).run({ now, lastSucceededAt: null })),
      );
      expect(runs.reduce((sum, run) => sum + (run.sent ?? 0), 0)).toBe(6);
      for (const user of users) expect(smtp.to(user.email)).toHaveLength(1);
    });

    it('retries a refused e-mail with growing waits by the clock, sends it once accepted, and gives up after 8 attempts', async () => {
      const grace = await createUser(t.dataSource);
      await notify([assigned(grace, 'Refused at first')]);
      smtp.rejectRecipients = true;
      try {
        expect(await tick()).toEqual({ sent: 0, retrying: 1, failed: 0 });
        const failedAt = now;
        const [row] = await outboxOf(grace);
        expect(row).toMatchObject({ attempts: 1, sent_at: null, failed_at: null, claimed_until: null });
        expect(row.last_error).toMatch(/550/);
        expect(new Date(row.next_attempt_at)).toEqual(new Date(failedAt.getTime() + MINUTE));

        // Not due yet: no attempt.
        await tick();
        expect(smtp.recipientAttempts.filter((a) => a === grace.email)).toHaveLength(1);
        expect((await outboxOf(grace))[0].attempts).toBe(1);

        // Due a minute after the failure; the other instance sends it.
        smtp.rejectRecipients = false;
        advance(30 * SECOND);
        expect((await tick(second)).sent).toBe(1);
        expect(smtp.to(grace.email)).toEqual([expect.objectContaining({ subject: '[CivicDesk] Refused at first' })]);
        const [sent] = await outboxOf(grace);
        expect(sent.attempts).toBe(2);
        expect(new Date(sent.sent_at)).toEqual(new Date(failedAt.getTime() + MINUTE));

        const henry = await createUser(t.dataSource);
        await notify([assigned(henry, 'Never accepted')]);
        smtp.rejectRecipients = true;
        const waits: number[] = [];
        for (let attempt = 1; attempt <= 8; attempt++) {
          expect(await tick()).toEqual(attempt < 8 ? { sent: 0, retrying: 1, failed: 0 } : { sent: 0, retrying: 0, failed: 1 });
          const [state] = await outboxOf(henry);
          expect(state.attempts).toBe(attempt);
          if (attempt < 8) {
            waits.push((new Date(state.next_attempt_at).getTime() - now.getTime()) / MINUTE);
            advance(new Date(state.next_attempt_at).getTime() - now.getTime() - 15 * SECOND);
          } else {
            expect(new Date(state.failed_at)).toEqual(now);
          }
        }
        expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60]);
        smtp.rejectRecipients = false;
        advance(2 * 60 * MINUTE);
        await tick();
        expect(smtp.recipientAttempts.filter((a) => a === henry.email)).toHaveLength(8);
        expect(smtp.to(henry.email)).toEqual([]);
      } finally {
        smtp.rejectRecipients = false;
      }
    });
  });
});
