import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tickets brought over from another helpdesk keep the id they had there, so importing the same
 * history again updates them instead of adding copies.
 */
export class TicketHistory1764950000000 implements MigrationInterface {
  name = 'TicketHistory1764950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tickets ADD COLUMN external_id text`);
    await q.query(`CREATE UNIQUE INDEX tickets_external_id_key ON tickets (external_id) WHERE external_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tickets_external_id_key`);
    await q.query(`ALTER TABLE tickets DROP COLUMN external_id`);
  }
}
