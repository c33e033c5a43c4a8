-- Up Migration
-- The simulator provider's own memory, standing in for a real provider's database: what it accepted, and the
-- receipt it will publish. It survives a crash of the service like a remote provider would, which is what makes
-- the simulator's lookup by our reference conclusive. `sends` above 1 would be a double send.
create table simulator_message (
  tenant_id text not null,
  message_id text not null,
  provider_message_id text not null,
  sends integer not null default 1,
  receipt_status text not null,
  error_code text,
  receipt_due_at timestamptz not null,
  receipt_published boolean not null default false,
  accepted_at timestamptz not null default now(),
  constraint simulator_message_pk primary key (tenant_id, message_id)
);
create unique index simulator_message_provider_id on simulator_message (provider_message_id);
create index simulator_message_receipt_due on simulator_message (receipt_due_at) where not receipt_published;
