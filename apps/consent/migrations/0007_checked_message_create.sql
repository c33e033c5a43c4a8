-- Up Migration
-- The consent decision for each message, once per message id (a message delivered twice is decided once).
create table checked_message (
  tenant_id text not null,
  message_id text not null,
  allowed boolean not null,
  reason text,
  ledger_event_id text,
  checked_at timestamptz not null,
  constraint checked_message_pk primary key (tenant_id, message_id)
);
