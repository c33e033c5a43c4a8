-- Up Migration
-- Every reply from a handset, once per inbound id (a STOP delivered twice is handled once).
create table inbound_reply (
  tenant_id text not null,
  inbound_id text not null,
  number_fingerprint text not null,
  e164 text,
  text text,
  classification text not null,
  keyword text,
  language text,
  occurred_at timestamptz not null,
  received_at timestamptz not null,
  constraint inbound_reply_pk primary key (tenant_id, inbound_id)
);
create index inbound_reply_number on inbound_reply (tenant_id, number_fingerprint);
