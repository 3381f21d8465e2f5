import { ComingSoon } from '../../../components/ui/ComingSoon';

export function DashboardPage() {
  return (
    <ComingSoon
      title="Dashboard"
      description="Proactive, reactive and service spend, response times and SLA compliance, by month and department."
    />
  );
}
