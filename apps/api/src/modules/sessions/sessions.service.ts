import { createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../common/config.tokens.js';
import type { Actor } from '../../common/security/actor.js';
import { Clock } from '../../common/time/clock.js';
import type { Role } from '../users/domain/role.js';
import { Session } from './session.entity.js';
import { prepared } from '../../database/prepared-statements.js';

export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reads do not become writes. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export interface IssuedSession {
  token: string;
  sessionId: string;
  expiresAt: Date;
}

interface SessionRow {
  session_id: string;
  last_seen_at: Date;
  expires_at: Date;
  user_id: string;
  email: string;
  name: string;
  role: Role;
  department_id: string | null;
  must_change_password: boolean;
}

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** A fresh 256-bit token; only its keyed hash is stored. */
  async issue(
    userId: string,
    meta: { ip: string | null; userAgent: string | null },
    manager?: EntityManager,
  ): Promise<IssuedSession> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
    const session = await (manager ?? this.dataSource.manager).getRepository(Session).save({
      userId,
      tokenHash: this.hashToken(token),
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      revokedAt: null,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 512) ?? null,
    });
    return { token, sessionId: session.id, expiresAt };
  }

  /** The actor behind a token, or null when the token is unknown, revoked, idle or expired, or its user inactive. */
  async authenticate(token: string): Promise<Actor | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const now = this.clock.now();
    const rows: SessionRow[] = await this.dataSource.query(
      prepared(`SELECT s.id AS session_id, s.last_seen_at, s.expires_at,
              u.id AS user_id, u.email, u.name, u.role, u.department_id, u.must_change_password
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND u.active
          AND s.expires_at > $2 AND s.last_seen_at > $3`),
      [this.hashToken(token), now, new Date(now.getTime() - SESSION_IDLE_MS)],
    );
    const row = rows[0];
    if (!row) return null;
    if (now.getTime() - row.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
      await this.dataSource.query(`UPDATE sessions SET last_seen_at = $2 WHERE id = $1`, [row.session_id, now]);
    }
    return {
      id: row.user_id,
      email: row.email,
      name: row.name,
      role: row.role,
      departmentId: row.department_id,
      mustChangePassword: row.must_change_password,
      sessionId: row.session_id,
    };
  }

  async revoke(sessionId: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(`UPDATE sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL`, [
      sessionId,
      this.clock.now(),
    ]);
  }

  /** Ends the session of a token; says whose it was, or null when the token named no live session. */
  async revokeToken(token: string, manager?: EntityManager): Promise<{ sessionId: string; userId: string } | null> {
    const [rows]: [{ id: string; user_id: string }[], number] = await (manager ?? this.dataSource.manager).query(
      `UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL RETURNING id, user_id`,
      [this.hashToken(token), this.clock.now()],
    );
    const row = rows[0];
    return row ? { sessionId: row.id, userId: row.user_id } : null;
  }

  /** Revokes every session of a user (password change, deactivation, temporary password). */
  async revokeAllForUser(userId: string, manager?: EntityManager): Promise<number> {
    const result: [unknown[], number] = await (manager ?? this.dataSource.manager).query(
      `UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId, this.clock.now()],
    );
    return result[1];
  }

  /** Housekeeping: sessions that can no longer be used are deleted after a day. */
  async deleteStale(): Promise<number> {
    const dayAgo = new Date(this.clock.now().getTime() - 24 * 60 * 60 * 1000);
    const result: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM sessions WHERE expires_at < $1 OR revoked_at < $1 OR last_seen_at < $2`,
      [dayAgo, new Date(dayAgo.getTime() - SESSION_IDLE_MS)],
    );
    return result[1];
  }

  private hashToken(token: string): Buffer {
    return createHmac('sha256', this.config.sessionSecret).update(token).digest();
  }
}
