import { ComingSoon } from '../../../components/ui/ComingSoon';

export function QueuePage() {
  return <ComingSoon title="Queue" description="One queue sorted by what breaches next, with live SLA countdowns." />;
}
