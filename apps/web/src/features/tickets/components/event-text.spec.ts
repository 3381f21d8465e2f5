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
});
