-- Up Migration
-- What a STOP took away, so that a later START restores exactly that (CONTRACT §3). `revoked` lists
-- {purpose, stopLedgerEventId, previousLedgerEventId, previousExpiresAt}.
create table stop_revocation (
  tenant_id text not null,
  inbound_id text not null,
  number_fingerprint text not null,
  revoked jsonb not null,
  stopped_at timestamptz not null,
  restored_by text,
  restored_at timestamptz,
  constraint stop_revocation_pk primary key (tenant_id, inbound_id)
);
create index stop_revocation_open on stop_revocation (tenant_id, number_fingerprint, stopped_at desc)
  where restored_by is null;
