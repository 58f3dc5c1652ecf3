-- Samut sync server, schema v4: enrolling again. A PC whose token was revoked (or whose browser was
-- restored from a backup) enrols again with a new code and keeps its device id, because its pending
-- entries carry that id in their hashed content (routes/enroll.ts). The device row then gets a new
-- token hash (every earlier token stops working), loses its revocation, and records here when it
-- enrolled again; NULL = enrolled once, at created_at (nullable so that older writers need not know it).
ALTER TABLE devices ADD COLUMN reenrolled_at timestamptz;
