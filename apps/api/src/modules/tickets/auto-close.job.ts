import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { JobRunner, type JobContext } from '../jobs/job-runner.service.js';
import { SettingsService } from '../settings/settings.service.js';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Closes resolved tickets that nobody reopened within the configured number of days. The UPDATE
 * only takes tickets still resolved, so however many instances or repeated runs race, each
 * ticket closes once, with its trail written in the same statement's transaction.
 */
@Injectable()
export class AutoCloseJob implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
    private readonly runner: JobRunner,
  ) {}

  onModuleInit(): void {
    this.runner.register({ name: 'auto-close-resolved', everyMs: 15 * 60 * 1000, run: (context) => this.run(context) });
  }

  async run({ now }: JobContext): Promise<Record<string, number>> {
    const { autoCloseResolvedAfterDays } = await this.settings.get();
    const closed: { id: string }[] = await this.dataSource.transaction(async (manager) => {
      const [rows] = await manager.query(
        `UPDATE tickets SET status = 'closed', closed_at = $1, updated_at = $1, version = version + 1
          WHERE status = 'resolved' AND resolved_at <= $2
          RETURNING id`,
        [now, new Date(now.getTime() - autoCloseResolvedAfterDays * DAY)],
      );
      if (rows.length) {
        await manager.query(
          `INSERT INTO ticket_events (ticket_id, actor_id, type, public, data, created_at)
           SELECT id, NULL, 'status_changed', true, jsonb_build_object('from', 'resolved', 'to', 'closed', 'reason', 'auto_close'), $2
             FROM unnest($1::uuid[]) AS id`,
          [rows.map((r: { id: string }) => r.id), now],
        );
      }
      return rows;
    });
    return { closed: closed.length };
  }
}
