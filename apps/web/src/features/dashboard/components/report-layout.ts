import { createContext, useContext } from 'react';

/**
 * Where report panels are shown: on the dashboard (a chart or a table, a switch between them and
 * CSV downloads), or in the printed monthly report (the chart and its table, nothing to click).
 */
export type ReportLayout = 'dashboard' | 'print';

export const ReportLayoutContext = createContext<ReportLayout>('dashboard');

export function useReportLayout(): ReportLayout {
  return useContext(ReportLayoutContext);
}
