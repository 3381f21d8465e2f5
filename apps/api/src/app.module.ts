import { join } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import { CoreModule } from './common/core.module.js';
import { AllExceptionsFilter } from './common/http/all-exceptions.filter.js';
import { redactUrlSecrets } from './common/http/log-redaction.js';
import { createValidationPipe } from './common/http/validation.pipe.js';
import { CsrfGuard } from './common/security/csrf.guard.js';
import { SessionGuard } from './common/security/session.guard.js';
import type { Clock } from './common/time/clock.js';
import { PROJECT_ROOT, type AppConfig } from './config/app-config.js';
import { AssetsModule } from './modules/assets/assets.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { CalendarsModule } from './modules/calendars/calendars.module.js';
import { CategoriesModule } from './modules/categories/categories.module.js';
import { CostsModule } from './modules/costs/costs.module.js';
import { DepartmentsModule } from './modules/departments/departments.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { ImportsModule } from './modules/imports/imports.module.js';
import { JobsModule } from './modules/jobs/jobs.module.js';
import { MaintenanceModule } from './modules/maintenance/maintenance.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { SlaPoliciesModule } from './modules/sla-policies/sla-policies.module.js';
import { SettingsModule } from './modules/settings/settings.module.js';
import { QueuesModule } from './modules/queues/queues.module.js';
import { ReportsModule } from './modules/reports/reports.module.js';
import { SessionsModule } from './modules/sessions/sessions.module.js';
import { TicketsModule } from './modules/tickets/tickets.module.js';
import { UsersModule } from './modules/users/users.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  /** Initialised and migrated before the app is built (see bootstrap). */
  dataSource: DataSource;
  clock: Clock;
}

/** The built web app, served by the API when present. */
export const WEB_DIST = join(PROJECT_ROOT, 'apps/web/dist');

@Module({})
export class AppModule {
  static forRoot({ config, dataSource, clock }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, clock),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // Session cookies and credentials never reach a log line.
            redact: {
              paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
              censor: '[redacted]',
            },
            // Nor does a calendar feed's token, which is part of its address.
            serializers: { req: (req: { url?: string }) => ({ ...req, url: req.url && redactUrlSecrets(req.url) }) },
            autoLogging: { ignore: (req) => req.url === '/api/health' || req.url === '/api/ready' },
          },
        }),
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSource.options,
          dataSourceFactory: () => Promise.resolve(dataSource),
        }),
        // Always present so jobs can be registered; the JobRunner starts them only when SCHEDULER_ENABLED.
        ScheduleModule.forRoot(),
        JobsModule,
        AuditModule,
        SettingsModule,
        HealthModule,
        SessionsModule,
        AuthModule,
        DepartmentsModule,
        UsersModule,
        QueuesModule,
        CategoriesModule,
        AssetsModule,
        CalendarsModule,
        SlaPoliciesModule,
        TicketsModule,
        MaintenanceModule,
        CostsModule,
        NotificationsModule,
        ImportsModule,
        ReportsModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: CsrfGuard },
        { provide: APP_GUARD, useClass: SessionGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
