-- Samut sync server, schema v1. Plain PostgreSQL (runs on PGlite and on PostgreSQL 15).
-- Every primary key and unique index starts with org_id: the tables can later be distributed by
-- organisation (Citus), and every push touches one organisation, so each transaction stays on one shard.

CREATE TABLE orgs (
  org_id          uuid        PRIMARY KEY,
  name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  created_at      timestamptz NOT NULL,
  -- The last server sequence handed out in this organisation. Pushes lock this row (FOR UPDATE), so
  -- sequences are gap-free and follow commit order.
  last_server_seq bigint      NOT NULL DEFAULT 0 CHECK (last_server_seq >= 0)
);

CREATE TABLE enrolment_codes (
  org_id     uuid        NOT NULL REFERENCES orgs (org_id),
  -- Only the SHA-256 (hex) of the normalised code is kept: a leaked table enrols no one.
  code_hash  text        NOT NULL CHECK (code_hash ~ '^[0-9a-f]{64}$'),
  expires_at timestamptz NOT NULL,
  used_at    timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, code_hash)
);
-- Enrolment knows only the code, not yet the organisation, so it looks the hash up directly.
CREATE INDEX enrolment_codes_code_hash ON enrolment_codes (code_hash);

CREATE TABLE devices (
  org_id     uuid        NOT NULL REFERENCES orgs (org_id),
  device_id  uuid        NOT NULL,
  name       text        NOT NULL DEFAULT '' CHECK (length(name) <= 100),
  -- SHA-256 (hex) of the bearer token; the token itself is only ever known to the device.
  token_hash text        NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL,
  revoked_at timestamptz,
  PRIMARY KEY (org_id, device_id)
);
-- A request carries only the token; its hash finds the device (and so the organisation).
CREATE INDEX devices_token_hash ON devices (token_hash);

CREATE TABLE entries (
  org_id      uuid        NOT NULL REFERENCES orgs (org_id),
  id          uuid        NOT NULL,
  device_id   uuid        NOT NULL,
  seq         bigint      NOT NULL CHECK (seq >= 1),
  kind        text        NOT NULL,
  date        date        NOT NULL,
  hash        text        NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  -- The whole entry as received, so that its hash can be re-verified at any later time.
  body        jsonb       NOT NULL,
  server_seq  bigint      NOT NULL CHECK (server_seq >= 1),
  received_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, server_seq),
  FOREIGN KEY (org_id, device_id) REFERENCES devices (org_id, device_id)
);

-- Entries are append-only: a posted entry is evidence (DESIGN.md §3, §4); corrections are new entries.
-- The application never updates or deletes one; this trigger makes the database refuse it as well.
-- (When the tables are distributed with Citus, triggers need citus.enable_unsafe_triggers: revisit then.)
CREATE FUNCTION entries_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'entries are append-only: % refused', TG_OP;
END
$$;
CREATE TRIGGER entries_no_update_or_delete BEFORE UPDATE OR DELETE ON entries
  FOR EACH ROW EXECUTE FUNCTION entries_are_append_only();
CREATE TRIGGER entries_no_truncate BEFORE TRUNCATE ON entries
  FOR EACH STATEMENT EXECUTE FUNCTION entries_are_append_only();
