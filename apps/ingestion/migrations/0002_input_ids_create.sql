-- Up Migration
-- Idempotency (CONTRACT §1): every input id seen, per tenant and topic. A record whose id already has a row
-- is dropped. Ids are remembered for a retention window (OPTLINE_IDEMPOTENCY_RETENTION_DAYS, default 7 days);
-- older rows are pruned, after which the same id would be accepted again.
create table input_ids (
  tenant_id text not null,
  topic text not null,
  input_id text not null,
  first_seen_at timestamptz not null,
  constraint input_ids_pk primary key (tenant_id, topic, input_id)
);
create index input_ids_first_seen on input_ids (first_seen_at);
