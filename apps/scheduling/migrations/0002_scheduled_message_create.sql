-- Up Migration
-- Every message scheduling has decided, once per message id (a message delivered twice is decided once), and
-- where it stands. `recipient` is the keyed fingerprint of the number: scheduling keeps no clear number outside
-- the deferral queue.
create table scheduled_message (
  tenant_id text not null,
  message_id text not null,
  recipient text not null,
  kind text not null,
  purpose text not null,
  campaign_id text,
  status text not null check (status in ('deferred', 'released', 'blocked', 'expired', 'cancelled')),
  reason text,
  decided_at timestamptz not null,
  constraint scheduled_message_pk primary key (tenant_id, message_id)
);
