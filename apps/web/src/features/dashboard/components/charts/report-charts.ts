// The chunk lazy-charts.ts loads: every chart drawing, and recharts with them.
export { ForecastChart } from '../panels/ForecastChart';
export { PreventionChart, PreventionTrendChart } from '../panels/PreventionChart';
export { TopCostChart } from '../panels/TopCostChart';
export { ComplianceChart } from '../panels/ComplianceChart';
export { SpendChart } from '../panels/SpendChart';
export { TimesChart } from '../panels/TimesChart';
export { BacklogAgeChart, VolumeChart } from '../panels/VolumeCharts';
