import { lazy } from 'react';

/**
 * The chart drawings, with recharts, come in a chunk of their own: the panels (and their report
 * requests) start without waiting for it, and the charts draw once both are there.
 */
const loadCharts = () => import('./report-charts');

/** Starts loading the charts while the reports are fetched. */
export function preloadCharts(): void {
  void loadCharts();
}

export const SpendChart = lazy(() => loadCharts().then((m) => ({ default: m.SpendChart })));
export const TimesChart = lazy(() => loadCharts().then((m) => ({ default: m.TimesChart })));
export const ComplianceChart = lazy(() => loadCharts().then((m) => ({ default: m.ComplianceChart })));
export const VolumeChart = lazy(() => loadCharts().then((m) => ({ default: m.VolumeChart })));
export const BacklogAgeChart = lazy(() => loadCharts().then((m) => ({ default: m.BacklogAgeChart })));
export const TopCostChart = lazy(() => loadCharts().then((m) => ({ default: m.TopCostChart })));
export const PreventionChart = lazy(() => loadCharts().then((m) => ({ default: m.PreventionChart })));
export const PreventionTrendChart = lazy(() => loadCharts().then((m) => ({ default: m.PreventionTrendChart })));
export const ForecastChart = lazy(() => loadCharts().then((m) => ({ default: m.ForecastChart })));
