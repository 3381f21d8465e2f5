import type { UserRecord } from '../factories/identity.factory.js';
import type { ApiClient, ApiResponse } from './test-app.js';

/** What is done with a ticket after it is filed (and a requester's first reply). */
export const LOAD_VARIANTS = ['untouched', 'noted', 'answered', 'resolved', 'waiting'] as const;
export type LoadVariant = (typeof LOAD_VARIANTS)[number];

export interface LoadPerson extends UserRecord {
  client: ApiClient;
}

/** A request the server did not acknowledge: no answer at all (`error`), or an answer outside 2xx. */
export interface Unacknowledged {
  request: string;
  error?: unknown;
  response?: ApiResponse;
}

export interface AckedTicket {
  id: string;
  number: string;
  variant: LoadVariant;
  requesterId: string;
}
export interface AckedComment {
  id: string;
  ticketId: string;
  internal: boolean;
  authorId: string;
}
export interface AckedChange {
  ticketId: string;
  field: 'status' | 'assigneeId';
  to: string;
  actorId: string;
}

/**
 * Requesters file tickets and technicians work them, many clients at once, as people do: create,
 * reply, take (queue and assignee, with the version read), start, note, answer, park or resolve.
 * It keeps a ledger of what the server acknowledged with a 2xx. A request that is not
 * acknowledged goes to `onUnacknowledged`, which throws when the test does not tolerate it (and
 * may wait, as a client backing off would); the client then leaves that ticket, since it cannot
 * know what became of the request, and goes on with the next.
 */
export class TicketLoad {
  readonly tickets: AckedTicket[] = [];
  readonly comments: AckedComment[] = [];
  readonly changes: AckedChange[] = [];
  readonly unacknowledged: Unacknowledged[] = [];
  /** Creates sent, and those that got no 2xx: each of those may or may not have been committed. */
  createsSent = 0;
  createsUnacknowledged = 0;
  private next = 0;

  constructor(
    private readonly people: { requesters: readonly LoadPerson[]; technicians: readonly LoadPerson[]; queueId: string },
    private readonly onUnacknowledged: (what: Unacknowledged) => Promise<void> | void,
  ) {}

  /** Files `count` tickets and works each to its variant, `atOnce` clients in parallel. */
  async run(count: number, atOnce: number): Promise<void> {
    await Promise.all(
      Array.from({ length: atOnce }, async () => {
        while (this.next < count) await this.work(this.next++);
      }),
    );
  }

  private async work(k: number): Promise<void> {
    const variant = LOAD_VARIANTS[k % LOAD_VARIANTS.length]!;
    const requester = this.people.requesters[k % this.people.requesters.length]!;
    this.createsSent += 1;
    const created = await this.call(
      `POST /api/tickets (${k})`,
      () =>
        requester.client.post('/api/tickets', {
          title: `Pump ${k} telemetry is down (${variant})`,
          impact: 'one_person',
          urgency: 'inconvenience',
        }),
      [201],
    );
    if (!created) {
      this.createsUnacknowledged += 1;
      return;
    }
    const ticketId: string = created.body.id;
    this.tickets.push({ id: ticketId, number: created.body.number, variant, requesterId: requester.id });
    if (!(await this.comment(requester, ticketId, `Station ${k} shows no readings since this morning.`, false))) return;
    if (variant === 'untouched') return;

    const tech = this.people.technicians[k % this.people.technicians.length]!;
    if (!(await this.change(tech, ticketId, { queueId: this.people.queueId, assigneeId: tech.id }))) return;
    if (variant === 'noted') {
      await this.comment(tech, ticketId, `Vendor ticket opened for station ${k}.`, true);
      return;
    }
    if (!(await this.change(tech, ticketId, { status: 'in_progress' }))) return;
    if (variant === 'waiting') {
      await this.change(tech, ticketId, { status: 'waiting_on_requester' });
      return;
    }
    if (!(await this.comment(tech, ticketId, `Restarted the RTU at station ${k}; readings are back.`, false))) return;
    if (variant === 'resolved') await this.change(tech, ticketId, { status: 'resolved' });
  }

  private async comment(who: LoadPerson, ticketId: string, body: string, internal: boolean): Promise<boolean> {
    const res = await this.call(
      `POST /api/tickets/${ticketId}/comments`,
      () => who.client.post(`/api/tickets/${ticketId}/comments`, { body, internal }),
      [201],
    );
    if (res) this.comments.push({ id: res.body.id, ticketId, internal, authorId: who.id });
    return res !== undefined;
  }

  /** A change with the version last read; a stale version (409) is read again and retried, as the web app does. */
  private async change(
    who: LoadPerson,
    ticketId: string,
    changes: { status?: string; queueId?: string; assigneeId?: string },
  ): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.call(`GET /api/tickets/${ticketId}`, () => who.client.get(`/api/tickets/${ticketId}`), [200]);
      if (!current) return false;
      const res = await this.call(
        `PATCH /api/tickets/${ticketId} ${JSON.stringify(changes)}`,
        () => who.client.patch(`/api/tickets/${ticketId}`, { version: current.body.version, ...changes }),
        attempt < 5 ? [200, 409] : [200],
      );
      if (!res) return false;
      if (res.status === 409) continue;
      if (changes.status) this.changes.push({ ticketId, field: 'status', to: changes.status, actorId: who.id });
      if (changes.assigneeId) this.changes.push({ ticketId, field: 'assigneeId', to: changes.assigneeId, actorId: who.id });
      return true;
    }
  }

  private async call<T>(
    request: string,
    send: () => Promise<ApiResponse<T>>,
    expected: readonly number[],
  ): Promise<ApiResponse<T> | undefined> {
    let failure: Unacknowledged;
    try {
      const response = await send();
      if (expected.includes(response.status)) return response;
      failure = { request, response };
    } catch (error) {
      failure = { request, error };
    }
    this.unacknowledged.push(failure);
    await this.onUnacknowledged(failure);
    return undefined;
  }
}
