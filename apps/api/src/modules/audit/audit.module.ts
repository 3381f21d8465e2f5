import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditContext } from './audit-context.js';
import { AuditLog } from './audit-log.service.js';
import { AuditQueryService } from './audit-query.service.js';
import { AuditController } from './audit.controller.js';
import { AuditInterceptor } from './audit.interceptor.js';

/**
 * The audit log: every feature records its security-relevant actions through AuditLog (global, so
 * no feature imports this module); admins read it at /api/audit.
 */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditContext, AuditLog, AuditQueryService, { provide: APP_INTERCEPTOR, useClass: AuditInterceptor }],
  exports: [AuditLog],
})
export class AuditModule {}
