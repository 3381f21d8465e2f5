import type { Me, Queue, TicketDetail } from '../lib/api/api-types';
import { aTicketSla, someTicketCosts } from './fixtures';
import { createFetchStub, json, type FetchStub } from './fetch-stub';

/** What the ticket page asks for when staff open `ticket`: nothing in its history, no costs yet. */
export function staffTicketNetwork(me: Me, ticket: TicketDetail, queues: Queue[] = []): FetchStub {
  return createFetchStub({
    'GET /api/auth/me': json(200, me),
    [`GET /api/tickets/${ticket.number}`]: json(200, ticket),
    [`GET /api/tickets/${ticket.id}/comments`]: json(200, { items: [] }),
    [`GET /api/tickets/${ticket.id}/events`]: json(200, { items: [] }),
    [`GET /api/tickets/${ticket.id}/sla`]: json(200, aTicketSla()),
    [`GET /api/tickets/${ticket.id}/costs`]: json(200, someTicketCosts()),
    'GET /api/queues': json(200, { items: queues }),
    'GET /api/categories': json(200, { items: [] }),
    'GET /api/assets': json(200, { items: [], nextCursor: null }),
  });
}
