-- Up Migration
-- The audit trail: every AuditEvent and MessageOutcome, append-only and hash-chained per tenant.
-- Each row's `hash` is SHA-256 over the previous row's hash of the same tenant and the canonical JSON of the row
-- (see src/trail/chain.ts); `seq` counts the tenant's rows from 1. The indexed columns are derived from `body`
-- and checked against it by the integrity check. Phone numbers are stored only as a keyed fingerprint and a
-- masked form.
create table audit_record (
  tenant_id text not null,
  seq bigint not null,
  record_id text not null,
  kind text not null check (kind in ('event', 'outcome')),
  at timestamptz not null,
  action text not null,
  reason text,
  message_id text,
  campaign_id text,
  phone_fingerprint text,
  body jsonb not null,
  recorded_at timestamptz not null,
  prev_hash text not null,
  hash text not null,
  constraint audit_record_pk primary key (tenant_id, seq)
);
create unique index audit_record_id on audit_record (tenant_id, record_id);
create index audit_record_message on audit_record (tenant_id, message_id) where message_id is not null;
create index audit_record_phone on audit_record (tenant_id, phone_fingerprint) where phone_fingerprint is not null;
create index audit_record_campaign on audit_record (tenant_id, campaign_id) where campaign_id is not null;
create index audit_record_recorded on audit_record (tenant_id, recorded_at);

-- The head of each tenant's chain: locked while a batch appends, so appends of one tenant are serial.
create table chain_head (
  tenant_id text not null,
  seq bigint not null,
  hash text not null,
  constraint chain_head_pk primary key (tenant_id)
);

-- Append-only, whoever asks: an UPDATE, DELETE or TRUNCATE of the trail raises.
create function audit_record_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'the audit trail is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_record_no_change before update or delete on audit_record
  for each row execute function audit_record_append_only();
create trigger audit_record_no_truncate before truncate on audit_record
  for each statement execute function audit_record_append_only();
