import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import type { Actor } from '../../common/security/actor.js';
import { PasswordHasher } from '../../common/security/password-hasher.js';
import { passwordProblem } from '../../common/security/password-policy.js';
import { Clock } from '../../common/time/clock.js';
import { AuditLog } from '../audit/audit-log.service.js';
import { SessionsService, type IssuedSession } from '../sessions/sessions.service.js';
import type { Role } from '../users/domain/role.js';
import { weakPassword } from '../users/users.service.js';
import type { MeDto } from './dto/auth.dto.js';
import { LoginThrottleService } from './login-throttle.service.js';

export interface ClientMeta {
  ip: string;
  userAgent: string | null;
}

interface CredentialRow {
  id: string;
  password_hash: string;
  active: boolean;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Checks the password and issues a new session. The same answer for an unknown e-mail, a wrong
   * password and an inactive account, and the same work (a hash verification) for each. The audit
   * log tells them apart (admins only read it) and keeps the e-mail tried, never the password.
   */
  async login(
    email: string,
    password: string,
    client: ClientMeta,
    previousToken?: string,
  ): Promise<{ session: IssuedSession; me: MeDto }> {
    await this.throttle.assertAllowed(email, client.ip);
    const [row]: CredentialRow[] = await this.dataSource.query(
      `SELECT id, password_hash, active FROM users WHERE lower(email) = $1`,
      [email],
    );
    const passwordMatches = await this.hasher.verify(row?.password_hash, password);
    const ok = passwordMatches && row?.active === true;
    // Answers 429 instead, whatever the password, when concurrent guesses filled the window meanwhile.
    await this.throttle.record(email, client.ip, ok);
    if (!ok || !row) {
      const reason = !row ? 'unknown_email' : !passwordMatches ? 'wrong_password' : 'inactive';
      await this.audit.recordAlone({ action: 'auth.sign_in_failed', targetId: row?.id ?? null, detail: { email, reason } });
      throw new AppError('invalid_credentials', 'E-mail or password is wrong');
    }

    const session = await this.dataSource.transaction(async (manager) => {
      // A new token at every sign-in; a session the browser still presented is ended (no fixation).
      const previous = previousToken ? await this.sessions.revokeToken(previousToken, manager) : null;
      const issued = await this.sessions.issue(row.id, { ip: client.ip, userAgent: client.userAgent }, manager);
      await this.audit.record(manager, {
        action: 'auth.signed_in',
        actorId: row.id,
        targetId: row.id,
        detail: { sessionId: issued.sessionId, ...(previous ? { replacedSessionId: previous.sessionId } : {}) },
      });
      return issued;
    });
    return { session, me: await this.me(row.id) };
  }

  async me(userId: string): Promise<MeDto> {
    const [row] = await this.dataSource.query(
      `SELECT u.id, u.email, u.name, u.role, u.department_id, d.name AS department_name, u.must_change_password
         FROM users u LEFT JOIN departments d ON d.id = u.department_id WHERE u.id = $1`,
      [userId],
    );
    if (!row) throw new AppError('unauthenticated', 'Sign in to continue');
    return {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role as Role,
      departmentId: row.department_id,
      departmentName: row.department_name,
      mustChangePassword: row.must_change_password,
    };
  }

  /** Changing one's password ends every session, then signs this browser in again. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string, client: ClientMeta): Promise<IssuedSession> {
    const [row]: CredentialRow[] = await this.dataSource.query(`SELECT id, password_hash, active FROM users WHERE id = $1`, [
      actor.id,
    ]);
    if (!row || !(await this.hasher.verify(row.password_hash, currentPassword))) {
      throw new AppError('invalid_credentials', 'The current password is wrong', [
        { field: 'currentPassword', messages: ['currentPassword is wrong'] },
      ]);
    }
    const problem = passwordProblem(newPassword, actor);
    if (problem) throw weakPassword('newPassword', problem);
    if (await this.hasher.verify(row.password_hash, newPassword)) {
      throw weakPassword('newPassword', 'The new password must differ from the current one');
    }
    const passwordHash = await this.hasher.hash(newPassword);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE users SET password_hash = $2, must_change_password = false, password_changed_at = $3, updated_at = $3 WHERE id = $1`,
        [actor.id, passwordHash, this.clock.now()],
      );
      const sessionsRevoked = await this.sessions.revokeAllForUser(actor.id, manager);
      const issued = await this.sessions.issue(actor.id, { ip: client.ip, userAgent: client.userAgent }, manager);
      await this.audit.record(manager, {
        action: 'auth.password_changed',
        targetId: actor.id,
        detail: { sessionsRevoked, sessionId: issued.sessionId },
      });
      return issued;
    });
  }

  /** Signing out of a session that already ended changes nothing, so it records nothing. */
  async logout(token: string | undefined): Promise<void> {
    if (!token) return;
    await this.dataSource.transaction(async (manager) => {
      const ended = await this.sessions.revokeToken(token, manager);
      if (!ended) return;
      await this.audit.record(manager, {
        action: 'auth.signed_out',
        actorId: ended.userId,
        targetId: ended.userId,
        detail: { sessionId: ended.sessionId },
      });
    });
  }
}
