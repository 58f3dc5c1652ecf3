-- Samut sync server, schema v2: the books beyond the entries, and each organisation's setup.
-- Plain PostgreSQL (PGlite and PostgreSQL 15). Every primary key and index starts with org_id (Citus).
--
-- The derived tables are written in the same push transaction as the accepted entries they come from
-- (push/postEntries.ts) and only ever appended to. They are an index of the entries, not the truth:
-- every row here can be recomputed from `entries` (DESIGN.md §3), and each references the entry it
-- came from.

-- Receipt numbers taken, per book, organisation-wide (every device of the office writes in the same
-- books). A cancelled receipt keeps its number. The primary key is the last guard against one number
-- taken twice, even if two pushes of one organisation ever ran at once.
CREATE TABLE receipt_numbers (
  org_id     uuid    NOT NULL,
  book_no    text    NOT NULL,
  receipt_no integer NOT NULL CHECK (receipt_no >= 1),
  entry_id   uuid    NOT NULL,
  PRIMARY KEY (org_id, book_no, receipt_no),
  FOREIGN KEY (org_id, entry_id) REFERENCES entries (org_id, id)
);

-- Budget lines as first defined (by an appropriation, a supplementary budget, or a transfer to a new
-- line). Later definitions of the same line add money, not a new identity: inserts use ON CONFLICT DO
-- NOTHING, so the first definition wins.
CREATE TABLE budget_lines (
  org_id      uuid    NOT NULL REFERENCES orgs (org_id),
  fiscal_year integer NOT NULL,
  code        text    NOT NULL,
  -- BudgetLineDef as the domain validated it (src/domain/budget/budgetLine.ts).
  def         jsonb   NOT NULL,
  -- The entry that defined it, for audit.
  entry_id    uuid    NOT NULL,
  PRIMARY KEY (org_id, fiscal_year, code),
  FOREIGN KEY (org_id, entry_id) REFERENCES entries (org_id, id)
);

-- How each accepted entry moved the budget register: one row per BudgetEffect, in the order the domain
-- gives them (idx). A line's balance is the sum of its rows per column; a commitment's outstanding
-- amount is the sum of the rows carrying its id.
CREATE TABLE budget_effects (
  org_id        uuid    NOT NULL,
  entry_id      uuid    NOT NULL,
  idx           integer NOT NULL CHECK (idx >= 0),
  fiscal_year   integer NOT NULL,
  line_code     text    NOT NULL,
  column_name   text    NOT NULL CHECK (column_name IN (
                  'appropriationSatang', 'supplementarySatang', 'transferInSatang',
                  'transferOutSatang', 'committedSatang', 'spentSatang')),
  amount_satang bigint  NOT NULL,
  -- For committedSatang movements: the id of the ผูกพัน entry they move.
  commitment_id uuid,
  PRIMARY KEY (org_id, entry_id, idx),
  FOREIGN KEY (org_id, entry_id) REFERENCES entries (org_id, id)
);
CREATE INDEX budget_effects_line ON budget_effects (org_id, fiscal_year, line_code);
CREATE INDEX budget_effects_commitment ON budget_effects (org_id, commitment_id) WHERE commitment_id IS NOT NULL;

-- Which entry cancelled which. One cancel per target: the primary key refuses a second.
CREATE TABLE cancellations (
  org_id    uuid NOT NULL,
  target_id uuid NOT NULL,
  cancel_id uuid NOT NULL,
  PRIMARY KEY (org_id, target_id),
  FOREIGN KEY (org_id, target_id) REFERENCES entries (org_id, id),
  FOREIGN KEY (org_id, cancel_id) REFERENCES entries (org_id, id)
);

-- The organisation's chart of accounts, loaded by an administrator (admin.ts load-chart). Each load is
-- a new version; the latest is the current chart. Entries are never rewritten by a new version: they
-- keep the codes they were posted with. No version loaded → the domain's default chart.
CREATE TABLE org_charts (
  org_id        uuid        NOT NULL REFERENCES orgs (org_id),
  version       integer     NOT NULL CHECK (version >= 1),
  version_label text        NOT NULL CHECK (length(version_label) BETWEEN 1 AND 200),
  -- Account[] as parseChartCsv validated it.
  accounts      jsonb       NOT NULL,
  loaded_at     timestamptz NOT NULL,
  PRIMARY KEY (org_id, version)
);

-- The organisation's money rules (MoneyRules, validated with moneyRulesSchema). No row → the defaults.
CREATE TABLE org_rules (
  org_id     uuid        PRIMARY KEY REFERENCES orgs (org_id),
  rules      jsonb       NOT NULL,
  updated_at timestamptz NOT NULL
);
