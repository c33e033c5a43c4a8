-- Up Migration
-- One row per consumed record. The outputs of a batch are stored on its first record's row, in the same
-- transaction as the state change, so a replay after a crash re-sends exactly those outputs instead of
-- deciding again. Rows behind the committed offset are deleted as the stream moves on.
create table stream_outbox (
  group_id text not null,
  topic text not null,
  partition integer not null,
  record_offset bigint not null,
  outputs jsonb,
  created_at timestamptz not null default now(),
  constraint stream_outbox_pk primary key (group_id, topic, partition, record_offset)
);
