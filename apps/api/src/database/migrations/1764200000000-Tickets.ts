import type { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `status IN ('new', 'assigned', 'in_progress', 'waiting_on_requester', 'waiting_on_vendor')`;

export class Tickets1764200000000 implements MigrationInterface {
  name = 'Tickets1764200000000';

  async up(q: QueryRunner): Promise<void> {
    // Queues and their members. system_key marks the built-in queues rules refer to.
    await q.query(`
      CREATE TABLE queues (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name        text NOT NULL CONSTRAINT queues_name_check CHECK (btrim(name) <> ''),
        restricted  boolean NOT NULL DEFAULT false,
        lead_id     uuid CONSTRAINT queues_lead_id_fkey REFERENCES users (id) ON DELETE SET NULL,
        system_key  text,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX queues_name_key ON queues (lower(name))`);
    await q.query(`CREATE UNIQUE INDEX queues_system_key_key ON queues (system_key)`);
    await q.query(`
      CREATE TABLE queue_members (
        queue_id uuid NOT NULL CONSTRAINT queue_members_queue_id_fkey REFERENCES queues (id) ON DELETE CASCADE,
        user_id  uuid NOT NULL CONSTRAINT queue_members_user_id_fkey REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT queue_members_pkey PRIMARY KEY (queue_id, user_id)
      )`);
    await q.query(`CREATE INDEX queue_members_user_id_idx ON queue_members (user_id)`);

    await q.query(`CREATE TYPE ticket_kind AS ENUM ('incident', 'service_request', 'maintenance')`);
    await q.query(`CREATE TYPE work_class AS ENUM ('reactive', 'service', 'proactive')`);
    await q.query(
      `CREATE TYPE ticket_status AS ENUM ('new', 'assigned', 'in_progress', 'waiting_on_requester', 'waiting_on_vendor', 'resolved', 'closed', 'canceled')`,
    );
    await q.query(`CREATE TYPE ticket_priority AS ENUM ('P1', 'P2', 'P3', 'P4')`);
    await q.query(`CREATE TYPE ticket_impact AS ENUM ('city_wide', 'department', 'several_people', 'one_person')`);
    await q.query(`CREATE TYPE ticket_urgency AS ENUM ('work_stopped', 'work_degraded', 'inconvenience', 'can_wait')`);
    await q.query(`CREATE TYPE ticket_source AS ENUM ('web', 'api', 'import', 'schedule')`);
    await q.query(`CREATE TYPE asset_type AS ENUM ('desktop', 'laptop', 'tablet', 'mobile_phone', 'desk_phone', 'printer', 'server', 'storage',
      'network_switch', 'router', 'firewall', 'wireless_access_point', 'ups', 'mobile_data_terminal', 'radio', 'camera', 'software', 'other')`);
    await q.query(`CREATE TYPE asset_status AS ENUM ('in_service', 'in_repair', 'retired')`);

    await q.query(`
      CREATE TABLE categories (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name             text NOT NULL CONSTRAINT categories_name_check CHECK (btrim(name) <> ''),
        default_queue_id uuid NOT NULL CONSTRAINT categories_default_queue_id_fkey REFERENCES queues (id) ON DELETE RESTRICT,
        default_kind     ticket_kind,
        system_key       text,
        active           boolean NOT NULL DEFAULT true,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX categories_name_key ON categories (lower(name))`);
    await q.query(`CREATE UNIQUE INDEX categories_system_key_key ON categories (system_key)`);
    await q.query(`CREATE INDEX categories_default_queue_id_idx ON categories (default_queue_id)`);

    await q.query(`
      CREATE TABLE assets (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tag              text NOT NULL CONSTRAINT assets_tag_check CHECK (btrim(tag) <> ''),
        name             text NOT NULL CONSTRAINT assets_name_check CHECK (btrim(name) <> ''),
        type             asset_type NOT NULL,
        department_id    uuid NOT NULL CONSTRAINT assets_department_id_fkey REFERENCES departments (id) ON DELETE RESTRICT,
        location         text,
        serial           text,
        purchase_date    date,
        cost_cents       bigint CONSTRAINT assets_cost_cents_check CHECK (cost_cents >= 0),
        warranty_end     date,
        lifecycle_years  integer NOT NULL CONSTRAINT assets_lifecycle_years_check CHECK (lifecycle_years BETWEEN 1 AND 50),
        status           asset_status NOT NULL DEFAULT 'in_service',
        assigned_user_id uuid CONSTRAINT assets_assigned_user_id_fkey REFERENCES users (id) ON DELETE SET NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX assets_tag_key ON assets (lower(tag))`);
    await q.query(`CREATE INDEX assets_department_id_idx ON assets (department_id)`);
    await q.query(`CREATE INDEX assets_assigned_user_id_idx ON assets (assigned_user_id)`);

    // Built-in reference data the rules need in every city, demo or not: the Service Desk (routing
    // fallback), the Security queue, and the "Security / phishing" category that routes to it.
    await q.query(`INSERT INTO queues (name, system_key) VALUES ('Service Desk', 'service_desk'), ('Security', 'security')`);
    await q.query(`
      INSERT INTO categories (name, default_queue_id, default_kind, system_key)
      SELECT 'Security / phishing', id, 'incident', 'security_phishing' FROM queues WHERE system_key = 'security'`);

    for (const kind of ['incident', 'service_request', 'maintenance']) {
      await q.query(`CREATE SEQUENCE ticket_number_${kind}`);
    }
    await q.query(`
      CREATE TABLE tickets (
        id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number                   text NOT NULL,
        kind                     ticket_kind NOT NULL,
        work_class               work_class NOT NULL,
        title                    text NOT NULL CONSTRAINT tickets_title_check CHECK (btrim(title) <> '' AND length(title) <= 200),
        description              text NOT NULL DEFAULT '',
        status                   ticket_status NOT NULL DEFAULT 'new',
        impact                   ticket_impact NOT NULL,
        urgency                  ticket_urgency NOT NULL,
        priority                 ticket_priority NOT NULL,
        priority_override_reason text,
        requester_id             uuid NOT NULL CONSTRAINT tickets_requester_id_fkey REFERENCES users (id) ON DELETE RESTRICT,
        department_id            uuid NOT NULL CONSTRAINT tickets_department_id_fkey REFERENCES departments (id) ON DELETE RESTRICT,
        queue_id                 uuid NOT NULL CONSTRAINT tickets_queue_id_fkey REFERENCES queues (id) ON DELETE RESTRICT,
        assignee_id              uuid CONSTRAINT tickets_assignee_id_fkey REFERENCES users (id) ON DELETE RESTRICT,
        category_id              uuid CONSTRAINT tickets_category_id_fkey REFERENCES categories (id) ON DELETE RESTRICT,
        asset_id                 uuid CONSTRAINT tickets_asset_id_fkey REFERENCES assets (id) ON DELETE RESTRICT,
        source                   ticket_source NOT NULL,
        created_by_id            uuid NOT NULL CONSTRAINT tickets_created_by_id_fkey REFERENCES users (id) ON DELETE RESTRICT,
        created_at               timestamptz NOT NULL,
        updated_at               timestamptz NOT NULL,
        first_response_at        timestamptz,
        resolved_at              timestamptz,
        closed_at                timestamptz,
        reopen_count             integer NOT NULL DEFAULT 0,
        due_at                   timestamptz,
        version                  integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX tickets_number_key ON tickets (number)`);
    // The technician's queue: open tickets of a queue or an assignee, next due first (no due time last).
    await q.query(
      `CREATE INDEX tickets_open_queue_due_idx ON tickets (queue_id, (coalesce(due_at, 'infinity'::timestamptz)), id) WHERE ${OPEN}`,
    );
    await q.query(
      `CREATE INDEX tickets_open_assignee_due_idx ON tickets (assignee_id, (coalesce(due_at, 'infinity'::timestamptz)), id) WHERE ${OPEN}`,
    );
    await q.query(`CREATE INDEX tickets_requester_created_idx ON tickets (requester_id, created_at DESC, id)`);
    await q.query(`CREATE INDEX tickets_created_idx ON tickets (created_at DESC, id)`);
    await q.query(`CREATE INDEX tickets_updated_idx ON tickets (updated_at DESC, id)`);
    await q.query(`CREATE INDEX tickets_department_idx ON tickets (department_id, created_at DESC)`);
    await q.query(`CREATE INDEX tickets_category_idx ON tickets (category_id)`);
    await q.query(`CREATE INDEX tickets_asset_idx ON tickets (asset_id)`);
    // Full-text search over number, title and description; queries use the same expression.
    await q.query(
      `CREATE INDEX tickets_search_idx ON tickets USING gin (to_tsvector('english', number || ' ' || title || ' ' || description))`,
    );

    await q.query(`
      CREATE TABLE ticket_comments (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id  uuid NOT NULL CONSTRAINT ticket_comments_ticket_id_fkey REFERENCES tickets (id) ON DELETE RESTRICT,
        author_id  uuid NOT NULL CONSTRAINT ticket_comments_author_id_fkey REFERENCES users (id) ON DELETE RESTRICT,
        body       text NOT NULL CONSTRAINT ticket_comments_body_check CHECK (btrim(body) <> ''),
        internal   boolean NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX ticket_comments_ticket_idx ON ticket_comments (ticket_id, created_at)`);

    await q.query(`
      CREATE TABLE ticket_events (
        id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        ticket_id  uuid NOT NULL CONSTRAINT ticket_events_ticket_id_fkey REFERENCES tickets (id) ON DELETE RESTRICT,
        actor_id   uuid CONSTRAINT ticket_events_actor_id_fkey REFERENCES users (id) ON DELETE RESTRICT,
        type       text NOT NULL,
        public     boolean NOT NULL,
        data       jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX ticket_events_ticket_idx ON ticket_events (ticket_id, id)`);
    // The audit trail is append-only: the database itself refuses to change or delete an event.
    await q.query(`
      CREATE FUNCTION ticket_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ticket_events is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER ticket_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ticket_events
      FOR EACH STATEMENT EXECUTE FUNCTION ticket_events_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ticket_events`);
    await q.query(`DROP FUNCTION ticket_events_append_only()`);
    await q.query(`DROP TABLE ticket_comments`);
    await q.query(`DROP TABLE tickets`);
    for (const kind of ['incident', 'service_request', 'maintenance']) {
      await q.query(`DROP SEQUENCE ticket_number_${kind}`);
    }
    await q.query(`DROP TABLE assets`);
    await q.query(`DROP TABLE categories`);
    await q.query(`DROP TABLE queue_members`);
    await q.query(`DROP TABLE queues`);
    for (const type of [
      'asset_status',
      'asset_type',
      'ticket_source',
      'ticket_urgency',
      'ticket_impact',
      'ticket_priority',
      'ticket_status',
      'work_class',
      'ticket_kind',
    ]) {
      await q.query(`DROP TYPE ${type}`);
    }
  }
}
