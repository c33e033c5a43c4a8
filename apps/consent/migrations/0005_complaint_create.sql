-- Up Migration
-- Replies that report spam or abuse (CONTRACT §3: a complaint, and an opt-out of every purpose).
create table complaint (
  tenant_id text not null,
  inbound_id text not null,
  number_fingerprint text not null,
  e164 text,
  text text,
  occurred_at timestamptz not null,
  constraint complaint_pk primary key (tenant_id, inbound_id)
);
create index complaint_number on complaint (tenant_id, number_fingerprint);
