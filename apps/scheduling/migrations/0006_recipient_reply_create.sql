-- Up Migration
-- When a recipient replied (from consent's `replied` events): the send-time choice learns their local hours.
create table recipient_reply (
  tenant_id text not null,
  recipient text not null,
  replied_at timestamptz not null,
  classification text not null,
  constraint recipient_reply_pk primary key (tenant_id, recipient, replied_at, classification)
);
