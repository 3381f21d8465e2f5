import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from './config.tokens.js';
import { PasswordHasher } from './security/password-hasher.js';
import { Clock } from './time/clock.js';

/** What every feature may inject: the validated config, the clock and the password hasher. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, clock: Clock): DynamicModule {
    return {
      module: CoreModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, { provide: Clock, useValue: clock }, PasswordHasher],
      exports: [APP_CONFIG, Clock, PasswordHasher],
    };
  }
}
