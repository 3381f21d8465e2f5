/**
 * Speed of the business clock, measured on the built package as the API uses it:
 * `npm run build -w @civicdesk/sla && npm run bench -w @civicdesk/sla`.
 * Each case runs once over all its inputs to warm up, then many times; the mean is printed.
 */
import os from 'node:os';
import {
  type Calendar,
  type ClockEvent,
  type ClockPolicy,
  addBusinessMinutes,
  businessMinutesBetween,
  calendar24x7,
  computeTicketClock,
} from '@civicdesk/sla';

const usHolidays = [
  { date: '2026-01-01', name: "New Year's Day", yearly: true, observed: true },
  { date: '2026-01-19', name: 'Martin Luther King Jr. Day' },
  { date: '2026-05-25', name: 'Memorial Day' },
  { date: '2026-07-04', name: 'Independence Day', yearly: true, observed: true },
  { date: '2026-09-07', name: 'Labor Day' },
  { date: '2026-11-26', name: 'Thanksgiving' },
  { date: '2026-12-25', name: 'Christmas Day', yearly: true, observed: true },
];
const office: Calendar = {
  timeZone: 'America/New_York',
  windows: ([1, 2, 3, 4, 5] as const).flatMap((day) => [
    { day, start: '08:00', end: '12:00' },
    { day, start: '13:00', end: '17:00' },
  ]),
  holidays: usHolidays,
};
const always = calendar24x7('America/New_York');

// 1,000 starts spread over 2026, seconds included, so no single path is measured.
const starts = Array.from({ length: 1000 }, (_, i) => new Date(Date.UTC(2026, 0, 1) + i * 31_536_000 + 17_000));

/** A 20-event history: reply cycles, waits, a reopen, a priority change. */
function ticketHistory(start: Date): ClockEvent[] {
  const t = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
  const p1: ClockPolicy = {
    firstResponseMinutes: 30,
    resolutionMinutes: 240,
    nextResponseMinutes: 60,
    escalations: [
      { target: 'resolution', percent: 75, level: 1 },
      { target: 'resolution', percent: 100, level: 2 },
      { target: 'resolution', percent: 150, level: 3 },
    ],
  };
  return [
    { type: 'created', at: t(0) },
    { type: 'status', at: t(5), to: 'assigned' },
    { type: 'status', at: t(20), to: 'in_progress' },
    { type: 'first_response', at: t(20) },
    { type: 'agent_reply', at: t(45) },
    { type: 'status', at: t(50), to: 'waiting_on_requester' },
    { type: 'requester_reply', at: t(900) },
    { type: 'status', at: t(900), to: 'in_progress' },
    { type: 'policy', at: t(960), policy: p1 },
    { type: 'agent_reply', at: t(1000) },
    { type: 'status', at: t(1010), to: 'waiting_on_vendor' },
    { type: 'status', at: t(3000), to: 'in_progress' },
    { type: 'agent_reply', at: t(3100) },
    { type: 'status', at: t(3200), to: 'resolved' },
    { type: 'requester_reply', at: t(4500) },
    { type: 'status', at: t(4500), to: 'in_progress' },
    { type: 'agent_reply', at: t(4600) },
    { type: 'requester_reply', at: t(5000) },
    { type: 'agent_reply', at: t(5100) },
    { type: 'status', at: t(6000), to: 'resolved' },
  ];
}
const basePolicy: ClockPolicy = { firstResponseMinutes: 60, resolutionMinutes: 960, nextResponseMinutes: 120 };
const histories = starts.slice(0, 200).map(ticketHistory);

/** Results land here so the engine cannot drop the calls as dead code. */
const sink: unknown[] = [];

function bench(name: string, iterations: number, run: (i: number) => unknown): void {
  for (let i = 0; i < Math.min(iterations, 2000); i++) sink[i & 1023] = run(i);
  const begin = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) sink[i & 1023] = run(i);
  const mean = Number(process.hrtime.bigint() - begin) / iterations / 1000;
  console.log(`${name.padEnd(58)} ${mean.toFixed(2).padStart(8)} µs  (mean of ${iterations} runs after warm-up)`);
}

const cpu = os.cpus()[0];
console.log(`machine: ${cpu?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}`);
bench('addBusinessMinutes 10,000 min, office hours + holidays', 20_000, (i) =>
  addBusinessMinutes(starts[i % starts.length]!, 10_000, office),
);
bench('addBusinessMinutes 525,600 min (a year), 24x7 New York', 20_000, (i) =>
  addBusinessMinutes(starts[i % starts.length]!, 525_600, always),
);
bench('addBusinessMinutes 125,000 min (~a year), office hours', 20_000, (i) =>
  addBusinessMinutes(starts[i % starts.length]!, 125_000, office),
);
bench('businessMinutesBetween over a year, office hours', 20_000, (i) => {
  const a = starts[i % starts.length]!;
  return businessMinutesBetween(a, new Date(a.getTime() + 365 * 86_400_000), office);
});
bench('computeTicketClock, 20-event history, office hours', 5_000, (i) =>
  computeTicketClock(histories[i % histories.length]!, basePolicy, office, new Date(Date.UTC(2028, 0, 1))),
);
