import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../common/config.tokens.js';
import type { Actor } from '../../common/security/actor.js';
import { AllowedBeforePasswordChange, CurrentActor, Public } from '../../common/security/access.decorators.js';
import { clearSessionCookie, readSessionToken, setSessionCookie } from '../../common/security/session-cookie.js';
import { AuthService, type ClientMeta } from './auth.service.js';
import { ChangePasswordDto, LoginDto, LoginResultDto, MeDto } from './dto/auth.dto.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResultDto })
  @ApiUnauthorizedResponse({
    description: 'invalid_credentials: unknown e-mail, wrong password or inactive user (one answer for all)',
  })
  @ApiTooManyRequestsResponse({ description: 'More than 5 failed sign-ins in a minute for the account or the address' })
  async login(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResultDto> {
    const { session, me } = await this.auth.login(
      body.email,
      body.password,
      clientOf(request),
      readSessionToken(request, this.config),
    );
    setSessionCookie(reply, this.config, session.token);
    return { user: me };
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(readSessionToken(request, this.config));
    clearSessionCookie(reply, this.config);
  }

  @Get('me')
  @AllowedBeforePasswordChange()
  @ApiCookieAuth()
  @ApiOkResponse({ type: MeDto })
  me(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.auth.me(actor.id);
  }

  @Post('password')
  @AllowedBeforePasswordChange()
  @ApiCookieAuth()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Every other session is ended; this browser gets a new session cookie' })
  async changePassword(
    @CurrentActor() actor: Actor,
    @Body() body: ChangePasswordDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const session = await this.auth.changePassword(actor, body.currentPassword, body.newPassword, clientOf(request));
    setSessionCookie(reply, this.config, session.token);
  }
}

function clientOf(request: FastifyRequest): ClientMeta {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}
