import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { HousekeepingJob } from './housekeeping.job.js';
import { LoginThrottleService } from './login-throttle.service.js';

@Module({
  imports: [SessionsModule],
  controllers: [AuthController],
  providers: [AuthService, LoginThrottleService, HousekeepingJob],
})
export class AuthModule {}
