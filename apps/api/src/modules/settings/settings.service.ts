import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../../common/time/clock.js';
import { AuditLog } from '../audit/audit-log.service.js';
import type { AuditValue } from '../audit/domain/audit-detail.js';
import { DEFAULT_SETTINGS, type SettingsDto, type UpdateSettingsDto } from './dto/settings.dto.js';

@Injectable()
export class SettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Stored values over the defaults; keys no longer known are ignored. Object settings (lifecycle
   * years per asset type) merge key by key, so a type added later gets its default.
   */
  async get(): Promise<SettingsDto> {
    const rows: { key: string; value: unknown }[] = await this.dataSource.query(`SELECT key, value FROM settings`);
    const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const { key, value } of rows) {
      if (!(key in DEFAULT_SETTINGS)) continue;
      const fallback = settings[key];
      settings[key] = isObject(fallback) && isObject(value) ? { ...fallback, ...value } : value;
    }
    return settings as unknown as SettingsDto;
  }

  /** Object settings merge into the stored object (in SQL, so concurrent changes of different keys both hold). */
  async update(changes: UpdateSettingsDto): Promise<SettingsDto> {
    const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
    await this.dataSource.transaction(async (manager) => {
      for (const [key, value] of entries) {
        await manager.query(
          `INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, $3)
           ON CONFLICT (key) DO UPDATE SET
             value = CASE WHEN jsonb_typeof(settings.value) = 'object' AND jsonb_typeof(EXCLUDED.value) = 'object'
                          THEN settings.value || EXCLUDED.value ELSE EXCLUDED.value END,
             updated_at = EXCLUDED.updated_at`,
          [key, JSON.stringify(value), this.clock.now()],
        );
      }
      if (entries.length > 0) {
        // The values sent; for object settings the keys sent, which are what changed.
        const set = Object.fromEntries(entries) as Record<string, AuditValue>;
        await this.audit.record(manager, { action: 'settings.updated', detail: { set } });
      }
    });
    return this.get();
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
