import { describe, expect, it } from '@jest/globals';
import { describeConditions, describeTicket, formatBusinessMinutes } from './sla-policy-words';

describe(formatBusinessMinutes.name, () => {
  it.each([
    [1, '1 business minute'],
    [45, '45 business minutes'],
    [60, '1 business hour'],
    [240, '4 business hours'],
    [90, '1 business hour 30 min'],
    // Days would mislead: a business day is nine hours, not twenty-four.
    [27 * 60, '27 business hours'],
  ])('says %i minutes as "%s"', (minutes, text) => {
    expect(formatBusinessMinutes(minutes)).toBe(text);
  });
});

describe(describeConditions.name, () => {
  const names = {
    departments: new Map([
      ['pd', 'Police'],
      ['fd', 'Fire'],
    ]),
    categories: new Map([['net', 'Network']]),
  };
  const none = { kinds: [], priorities: [], departmentIds: [], categoryIds: [] };

  it('says every condition in one phrase', () => {
    expect(
      describeConditions(
        { kinds: ['incident'], priorities: ['P1', 'P2'], departmentIds: ['pd', 'fd'], categoryIds: ['net'] },
        names,
      ),
    ).toBe('P1 or P2 incidents from Police or Fire about Network');
  });

  it('says "tickets" when any kind matches, and which policy is the fallback', () => {
    expect(describeConditions({ ...none, departmentIds: ['pd'] }, names)).toBe('Tickets from Police');
    expect(describeConditions({ ...none, kinds: ['incident', 'service_request', 'maintenance'] }, names)).toBe(
      'Incidents, service requests or maintenance tickets',
    );
    expect(describeConditions(none, names)).toBe('Every ticket (the fallback)');
  });

  it('names a deleted department rather than showing its id', () => {
    expect(describeConditions({ ...none, departmentIds: ['gone'] }, names)).toBe('Tickets from a deleted department');
  });
});

describe(describeTicket.name, () => {
  it('reads like a sentence’s subject', () => {
    expect(describeTicket('service_request', 'P3', 'Finance')).toBe('A P3 service request from Finance');
  });
});
