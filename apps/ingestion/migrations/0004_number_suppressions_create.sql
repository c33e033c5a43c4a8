-- Up Migration
-- What ingestion knows of a number's suppression, from the events it consumes: the last `undeliverable`
-- delivery, the last erasure and the last opt-in, keyed by the keyed-hash fingerprint of the number (no PII
-- survives an erasure). A number is suppressed while its last undeliverable or erasure is newer than its last
-- opt-in; comparing times keeps the answer right whichever topic's event arrives first.
create table number_suppressions (
  tenant_id text not null,
  fingerprint text not null,
  undeliverable_at timestamptz,
  erased_at timestamptz,
  opted_in_at timestamptz,
  constraint number_suppressions_pk primary key (tenant_id, fingerprint)
);
