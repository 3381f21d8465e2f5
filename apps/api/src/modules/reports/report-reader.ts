import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/**
 * Where the reports' read-only SQL runs: a read replica when DATABASE_REPLICA_URLS is set
 * (TypeORM's 'slave' query runner, a replica picked at random), else the primary, as TypeORM
 * falls back to it when replication is off. Reports read stored figures only, so a replica a few
 * seconds behind shows them a few seconds late, and their heavy scans stay off the primary.
 */
@Injectable()
export class ReportReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async query<T>(sql: string, parameters: readonly unknown[] = []): Promise<T[]> {
    const runner = this.dataSource.createQueryRunner('slave');
    try {
      return (await runner.query(sql, [...parameters])) as T[];
    } finally {
      await runner.release();
    }
  }
}
