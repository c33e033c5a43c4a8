-- Up Migration
-- Hygiene of a number, keyed by its keyed-hash fingerprint (phoneFingerprint) so nothing personal survives an
-- erasure. Times, not flags, so events from different topics may arrive in any order:
-- - suppressed for undeliverable while undeliverable_at is newer than opted_in_at (CONTRACT §3);
-- - erased: no contact may be stored again while erased_at is newer than opted_in_at;
-- - sunset: marketing sends since the last reply, and the first of them (isInactive, 180 days / 10 sends).
create table number_hygiene (
  tenant_id text not null,
  fingerprint text not null,
  undeliverable_at timestamptz,
  opted_in_at timestamptz,
  erased_at timestamptz,
  last_reply_at timestamptz,
  marketing_sends_since_reply integer not null default 0,
  first_send_since_reply_at timestamptz,
  inactive_reported_at timestamptz,
  constraint number_hygiene_pk primary key (tenant_id, fingerprint)
);
