import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module.js';
import { AssetRefreshReportService } from './asset-refresh-report.service.js';
import { PreventionReportService } from './prevention-report.service.js';
import { ReportReader } from './report-reader.js';
import { ReportRollupsJob } from './report-rollups.job.js';
import { ReportScopeService } from './report-scope.js';
import { ReportsController } from './reports.controller.js';
import { ResponseTimesCache } from './response-times-cache.js';
import { ResponseTimesReportService } from './response-times-report.service.js';
import { SlaComplianceReportService } from './sla-compliance-report.service.js';
import { SpendReportService } from './spend-report.service.js';
import { VolumeReportService } from './volume-report.service.js';

/**
 * The manager's reports under /api/reports, each as JSON or CSV: read-only SQL over stored
 * figures, on a read replica when one is configured.
 */
@Module({
  imports: [SettingsModule],
  controllers: [ReportsController],
  providers: [
    ReportReader,
    ReportScopeService,
    SpendReportService,
    ResponseTimesCache,
    ResponseTimesReportService,
    SlaComplianceReportService,
    VolumeReportService,
    AssetRefreshReportService,
    PreventionReportService,
    ReportRollupsJob,
  ],
})
export class ReportsModule {}
