-- Up Migration
-- Marketing messages released to a recipient: the frequency caps and duplicate-content rule count these, and a
-- STOP or complaint is attributed to the campaign of the newest one. Bodies are kept only as hashes.
create table recipient_send (
  tenant_id text not null,
  recipient text not null,
  message_id text not null,
  campaign_id text,
  body_hash text not null,
  sent_at timestamptz not null,
  constraint recipient_send_pk primary key (tenant_id, recipient, message_id)
);
create index recipient_send_recent on recipient_send (tenant_id, recipient, sent_at desc);
