-- Samut sync server, schema v3: the per-day digest (GET /api/v1/digest, digest/dayDigests.ts) reads one
-- device's entries over a range of business dates, grouped by date. Without this index that is a scan of
-- the organisation's entries (its primary key is (org_id, id)). Starts with org_id, like every index (Citus).
CREATE INDEX entries_device_date ON entries (org_id, device_id, date);
