import { describe, expect, it } from '@jest/globals';
import { anEvent } from '../../../testing/fixtures';
import { describeEvent } from './event-text';

const taylor = { id: '00000000-0000-4000-8000-0000000000a1', name: 'Taylor Tech' };
const QUEUE_A = '00000000-0000-4000-8000-0000000000b1';
const QUEUE_B = '00000000-0000-4000-8000-0000000000b2';

describe(describeEvent.name, () => {
  it.each([
    [
      'a reference change, by the names recorded with it',
      {
        type: 'field_changed',
        data: { field: 'queueId', from: QUEUE_A, to: QUEUE_B, fromName: 'Service Desk', toName: 'Network' },
      },
      'Taylor Tech changed queue from Service Desk to Network',
    ],
    [
      'a reference set for the first time',
      {
        type: 'field_changed',
        data: { field: 'assetId', from: null, to: QUEUE_B, fromName: null, toName: 'FIN-LT-0042 Dell Latitude' },
      },
      'Taylor Tech changed asset to FIN-LT-0042 Dell Latitude',
    ],
    [
      'a reference cleared',
      { type: 'field_changed', data: { field: 'categoryId', from: QUEUE_A, to: null, fromName: 'Printers', toName: null } },
      'Taylor Tech changed category from Printers to none',
    ],
    [
      'an assignment to someone else',
      { type: 'assigned', data: { from: null, to: QUEUE_B, fromName: null, toName: 'Casey Colleague' } },
      'Taylor Tech assigned the ticket to Casey Colleague',
    ],
    [
      'taking the ticket',
      { type: 'assigned', data: { from: null, to: taylor.id, fromName: null, toName: 'Taylor Tech' } },
      'Taylor Tech took the ticket',
    ],
    [
      'unassigning',
      { type: 'assigned', data: { from: taylor.id, to: null, fromName: 'Taylor Tech', toName: null } },
      'Taylor Tech unassigned the ticket',
    ],
    // Events recorded before the API named references: no ids in the text, whatever is known still said.
    [
      'an old reference change',
      { type: 'field_changed', data: { field: 'queueId', from: QUEUE_A, to: QUEUE_B } },
      'Taylor Tech changed queue',
    ],
    [
      'an old reference change with only the new name',
      { type: 'field_changed', data: { field: 'queueId', from: QUEUE_A, to: QUEUE_B, toName: 'Network' } },
      'Taylor Tech changed queue to Network',
    ],
    ['an old assignment', { type: 'assigned', data: { from: null, to: QUEUE_B } }, 'Taylor Tech assigned the ticket'],
    [
      'a plain field',
      { type: 'field_changed', data: { field: 'impact', from: 'one_person', to: 'department' } },
      'Taylor Tech changed impact from One person to Department',
    ],
  ] as const)('tells %s', (_case, event, text) => {
    expect(describeEvent(anEvent({ actor: taylor, ...event }))).toBe(text);
  });

  const policy = { versionId: QUEUE_A, policyId: QUEUE_B, name: 'P3 – normal', version: 1 };
  it.each([
    ['a policy applied when filed', { ...policy, reason: 'created' }, 'SLA policy “P3 – normal” (v1) applied'],
    [
      'a policy applied after a priority change',
      { ...policy, name: 'P2 – high', version: 3, reason: 'priority' },
      'SLA policy “P2 – high” (v3) applied after the priority changed',
    ],
  ] as const)('tells %s', (_case, data, text) => {
    expect(describeEvent(anEvent({ actor: taylor, type: 'sla_policy_matched', data }))).toBe(text);
  });

  it.each([
    [
      'an escalation that notified and raised the priority',
      { target: 'resolution', level: 2, percent: 100, actions: ['notify_queue_lead', 'raise_priority'], dueAt: null },
      'Escalation level 2: 100 % of resolution time reached — notified the queue lead, raised priority',
    ],
    [
      'a first-response escalation that notified the assignee',
      { target: 'first_response', level: 1, percent: 75, actions: ['notify_assignee'], dueAt: null },
      'Escalation level 1: 75 % of first response time reached — notified the assignee',
    ],
    [
      'an escalation without actions',
      { target: 'next_response', level: 3, percent: 150, actions: [], dueAt: null },
      'Escalation level 3: 150 % of next response time reached',
    ],
  ] as const)('tells %s', (_case, data, text) => {
    expect(describeEvent(anEvent({ actor: null, type: 'sla_escalated', data }))).toBe(text);
  });

  it.each([
    [
      'work_logged',
      { minutes: 75, userName: 'Taylor Tech', workDate: '2026-03-02', rateCents: 8500, costCents: 10625 },
      'Taylor Tech logged 1 h 15 min of work (cost $106.25)',
    ],
    [
      'work_logged',
      { minutes: 30, userName: 'Casey Colleague', workDate: '2026-03-02', rateCents: 9000, costCents: 4500 },
      'Taylor Tech logged 30 min of Casey Colleague’s work (cost $45.00)',
    ],
    [
      'work_log_changed',
      {
        changes: {
          minutes: { from: 60, to: 90 },
          costCents: { from: 8500, to: 12750 },
          note: { from: '', to: 'Swapped the dock' },
        },
      },
      'Taylor Tech changed a work log: time from 1 h to 1 h 30 min, cost from $85.00 to $127.50, the note',
    ],
    [
      'work_log_deleted',
      { minutes: 75, userName: 'Taylor Tech', workDate: '2026-03-02', rateCents: 8500, costCents: 10625 },
      'Taylor Tech deleted a work log of 1 h 15 min (cost $106.25)',
    ],
    [
      'work_log_deleted',
      { minutes: 45, userName: 'Casey Colleague', workDate: '2026-03-02', rateCents: 9000, costCents: 6750 },
      'Taylor Tech deleted Casey Colleague’s work log of 45 min (cost $67.50)',
    ],
    [
      'expense_added',
      { type: 'parts', amountCents: 4599, vendor: 'CDW', spentOn: '2026-03-02', assetId: null },
      'Taylor Tech added an expense of $45.99 (Parts, CDW)',
    ],
    [
      'expense_changed',
      { changes: { amountCents: { from: 4599, to: 5200 }, vendor: { from: 'CDW', to: null } } },
      'Taylor Tech changed an expense: amount from $45.99 to $52.00, vendor from CDW to none',
    ],
    [
      'expense_deleted',
      { type: 'contract', amountCents: 120000, vendor: null, spentOn: '2026-03-02', assetId: null },
      'Taylor Tech deleted an expense of $1,200.00 (Contract)',
    ],
    [
      'imported',
      { fileName: 'incident_log.csv', line: 12, sourceNumber: 'INC0000045', change: 'created' },
      'Taylor Tech imported the ticket (INC0000045) from incident_log.csv, line 12',
    ],
    [
      'imported',
      { fileName: 'incident_log.csv', line: 40, sourceNumber: null, change: 'updated' },
      'Taylor Tech updated the ticket from a later import of incident_log.csv, line 40',
    ],
    // Recorded without the details the words need: still a sentence, never "undefined".
    ['work_logged', {}, 'Taylor Tech logged work'],
    ['imported', {}, 'Taylor Tech imported the ticket'],
    ['expense_changed', {}, 'Taylor Tech changed an expense'],
  ] as const)('tells a %s event', (type, data, text) => {
    expect(describeEvent(anEvent({ actor: taylor, type, data }))).toBe(text);
  });

  it('tells a priority raised by an escalation as CivicDesk’s doing', () => {
    const event = anEvent({
      actor: null,
      type: 'field_changed',
      data: { field: 'priority', from: 'P3', to: 'P2', reason: 'escalation' },
    });
    expect(describeEvent(event)).toBe('CivicDesk raised priority from P3 to P2 (SLA escalation)');
  });
});
