import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JobRunner } from '../src/modules/jobs/job-runner.service.js';
import { createDepartment, createUser, type UserRecord } from './factories/identity.factory.js';
import { createQueue } from './factories/reference.factory.js';
import { startTestApp, type ApiClient, type TestApp } from './support/test-app.js';
import { TestSmtpServer } from './support/test-smtp-server.js';

/** Who hears about what happens to a ticket, in the app and by e-mail. */
describe('ticket notifications', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let requester: UserRecord;
  let tech: UserRecord;
  let colleague: UserRecord;
  let queueId: string;

  const as = async (user: UserRecord): Promise<ApiClient> => {
    const client = t.client();
    await client.login(user.email, user.password);
    return client;
  };
  /** Newest first: each step a minute after the last. */
  const later = () => t.clock.advance(60 * 1000);
  const inbox = async (user: UserRecord) => (await (await as(user)).get('/api/notifications?limit=50')).body.items as any[];

  beforeAll(async () => {
    smtp = await new TestSmtpServer().start();
    t = await startTestApp({ env: { SMTP_URL: smtp.url } });
    const dept = await createDepartment(t.dataSource);
    requester = await createUser(t.dataSource, { role: 'requester', departmentId: dept.id });
    tech = await createUser(t.dataSource, { role: 'technician' });
    colleague = await createUser(t.dataSource, { role: 'technician' });
    queueId = (await createQueue(t.dataSource, { name: 'Desktop support', memberIds: [tech.id, colleague.id] })).id;
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('tells queue members of a ticket moved in, the assignee, the requester of public replies and the resolution — never of internal notes', async () => {
    const filed = await (
      await as(requester)
    ).post('/api/tickets', {
      title: 'Monitor flickers',
      impact: 'one_person',
      urgency: 'inconvenience',
    });
    expect(filed.status).toBe(201);
    const id = filed.body.id as string;
    const number = filed.body.number as string;

    // The technician moves it into their queue and takes it: the colleague hears it is new there; the
    // technician is not told of their own action.
    const staff = await as(tech);
    const moved = await staff.patch(`/api/tickets/${id}`, { version: filed.body.version, queueId, assigneeId: tech.id });
    expect(moved.status).toBe(200);
    expect((await inbox(colleague)).map((n) => [n.type, n.title, n.link])).toEqual([
      ['ticket_created_in_queue', `${number} is new in Desktop support`, `/tickets/${number}`],
    ]);
    expect(await inbox(tech)).toEqual([]);

    // Assigned to the colleague: they hear it is theirs.
    later();
    const reassigned = await staff.patch(`/api/tickets/${id}`, { version: moved.body.version, assigneeId: colleague.id });
    expect(reassigned.status).toBe(200);
    expect((await inbox(colleague)).map((n) => n.type)).toEqual(['ticket_assigned', 'ticket_created_in_queue']);

    // An internal note tells nobody; a public staff reply tells the requester; the requester's answer tells the assignee.
    later();
    expect((await staff.post(`/api/tickets/${id}/comments`, { body: 'INTERNAL: cable is frayed', internal: true })).status).toBe(
      201,
    );
    expect((await staff.post(`/api/tickets/${id}/comments`, { body: 'Try another cable, please.' })).status).toBe(201);
    const requesterInbox = await inbox(requester);
    expect(requesterInbox.map((n) => [n.type, n.body])).toEqual([
      ['public_reply', '"Monitor flickers":\n\nTry another cable, please.'],
    ]);
    later();
    expect((await (await as(requester)).post(`/api/tickets/${id}/comments`, { body: 'Still flickers.' })).status).toBe(201);
    expect((await inbox(colleague)).map((n) => n.type)).toEqual(['public_reply', 'ticket_assigned', 'ticket_created_in_queue']);

    // Resolving tells the requester.
    later();
    const current = await staff.get(`/api/tickets/${id}`);
    expect((await staff.patch(`/api/tickets/${id}`, { version: current.body.version, status: 'resolved' })).status).toBe(200);
    expect((await inbox(requester)).map((n) => n.type)).toEqual(['ticket_resolved', 'public_reply']);

    // The e-mails go out once each, and none carries the internal note.
    later();
    expect((await t.app.get(JobRunner).tick('notification-sender')).ran).toBe(true);
    // Sent concurrently: the order of arrival is not the order of queueing.
    expect(
      smtp
        .to(requester.email)
        .map((m) => m.subject)
        .sort(),
    ).toEqual([`[CivicDesk] New reply on ${number}`, `[CivicDesk] ${number} was resolved`].sort());
    expect(smtp.to(colleague.email)).toHaveLength(3);
    expect(smtp.received.some((m) => m.raw.includes('INTERNAL'))).toBe(false);
  });
});
