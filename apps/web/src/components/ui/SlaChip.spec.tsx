import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { MantineProvider } from '@mantine/core';
import { act, render, screen } from '@testing-library/react';
import type { TicketSlaSummary } from '../../lib/api/api-types';
import { formatDateTime } from '../../lib/time/format-date';
import { useNow } from '../../lib/time/use-now';
import { anSlaSummary } from '../../testing/fixtures';
import { SlaChip } from './SlaChip';

const NOW = Date.parse('2025-03-10T14:00:00Z');
const at = (minutesFromNow: number) => new Date(NOW + minutesFromNow * 60_000).toISOString();

/** A page's worth of clock: the chip as the queue and the ticket page show it. */
function Page({ sla, dueAt }: { sla: TicketSlaSummary; dueAt: string | null }) {
  const now = useNow();
  return <SlaChip sla={sla} dueAt={dueAt} now={now} />;
}

function renderChip(sla: TicketSlaSummary, dueAt: string | null) {
  return render(
    <MantineProvider env="test">
      <div data-testid="cell">
        <Page sla={sla} dueAt={dueAt} />
      </div>
    </MantineProvider>,
  );
}

const minutesPass = (minutes: number) =>
  act(() => {
    jest.advanceTimersByTime(minutes * 60_000);
  });

describe(SlaChip.name, () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: NOW });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('says on time with the countdown, and the due time in full on hover', () => {
    renderChip(anSlaSummary({ state: 'on_time', atRiskAt: at(60) }), at(130));

    const chip = screen.getByText('On time · due in 2 h 10 min');
    expect(chip.closest('[title]')).toHaveAttribute('title', `Due ${formatDateTime(at(130))}`);
  });

  it.each([
    ['at_risk', at(25), 'At risk · due in 25 min'],
    ['breached', at(-35), 'Breached · overdue by 35 min'],
  ] as const)('says %s in words with the countdown', (state, dueAt, text) => {
    renderChip(anSlaSummary({ state }), dueAt);

    expect(screen.getByText(text)).toBeInTheDocument();
  });

  it.each([
    ['paused', 'Paused'],
    ['met', 'Met'],
  ] as const)('says %s without a countdown', (state, text) => {
    renderChip(anSlaSummary({ state, paused: state === 'paused' }), null);

    expect(screen.getByText(text)).toHaveTextContent(new RegExp(`^${text}$`));
  });

  it('shows nothing when no SLA target applies', () => {
    renderChip(anSlaSummary({ state: 'none' }), at(30));

    expect(screen.getByTestId('cell')).toBeEmptyDOMElement();
  });

  it('keeps the state in words beside a glyph screen readers skip', () => {
    renderChip(anSlaSummary({ state: 'breached' }), at(-5));

    const glyph = screen.getByText('✕');
    expect(glyph).toHaveAttribute('aria-hidden', 'true');
    expect(screen.getByText('Breached · overdue by 5 min')).toBeInTheDocument();
  });

  it('moves from on time to at risk to breached as the times pass, on a page left open', () => {
    renderChip(anSlaSummary({ state: 'on_time', atRiskAt: at(10) }), at(40));
    expect(screen.getByText('On time · due in 40 min')).toBeInTheDocument();

    minutesPass(9.5);
    expect(screen.getByText('On time · due in 30 min')).toBeInTheDocument();

    minutesPass(0.5);
    expect(screen.getByText('At risk · due in 30 min')).toBeInTheDocument();

    minutesPass(31);
    expect(screen.getByText('Breached · overdue by 1 min')).toBeInTheDocument();
  });
});
