import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../../common/time/clock.js';
import { DEFAULT_SETTINGS, type SettingsDto, type UpdateSettingsDto } from './dto/settings.dto.js';

@Injectable()
export class SettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Stored values over the defaults; keys no longer known are ignored. */
  async get(): Promise<SettingsDto> {
    const rows: { key: string; value: unknown }[] = await this.dataSource.query(`SELECT key, value FROM settings`);
    const stored = Object.fromEntries(rows.filter((r) => r.key in DEFAULT_SETTINGS).map((r) => [r.key, r.value]));
    return { ...DEFAULT_SETTINGS, ...stored };
  }

  async update(changes: UpdateSettingsDto): Promise<SettingsDto> {
    const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
    await this.dataSource.transaction(async (manager) => {
      for (const [key, value] of entries) {
        await manager.query(
          `INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, $3)
           ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`,
          [key, JSON.stringify(value), this.clock.now()],
        );
      }
    });
    return this.get();
  }
}
