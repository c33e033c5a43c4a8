-- Up Migration
-- One row per recipient, locked (select ... for update) by every transaction that decides for that recipient,
-- so that two consumers (or a zombie after a rebalance) never both take the last slot of a frequency cap.
create table recipient (
  tenant_id text not null,
  recipient text not null,
  touched_at timestamptz not null,
  constraint recipient_pk primary key (tenant_id, recipient)
);
