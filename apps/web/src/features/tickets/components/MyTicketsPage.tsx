import { ComingSoon } from '../../../components/ui/ComingSoon';

export function MyTicketsPage() {
  return (
    <ComingSoon title="My tickets" description="File a ticket, follow it, reply, and confirm or reopen it when it is resolved." />
  );
}
