-- Up Migration
-- One row per consumed batch instead of one per record: the batch's outputs, stored in the same transaction as
-- its state change, against the first and last offsets it covers. A replay after a crash re-sends exactly
-- those outputs instead of deciding again. Rows behind the committed offset are deleted as the stream moves on.
create table stream_outbox_batch (
  group_id text not null,
  topic text not null,
  partition integer not null,
  first_offset bigint not null,
  last_offset bigint not null,
  outputs jsonb not null,
  created_at timestamptz not null default now(),
  constraint stream_outbox_batch_pk primary key (group_id, topic, partition, first_offset),
  constraint stream_outbox_batch_range check (last_offset >= first_offset)
);

-- Rows not yet committed to Kafka when this version starts: each old batch is its first record's row (which
-- holds the outputs) and the rows after it up to the next batch's.
insert into stream_outbox_batch (group_id, topic, partition, first_offset, last_offset, outputs)
select group_id, topic, partition, record_offset,
       coalesce(lead(record_offset) over w - 1, (select max(o.record_offset) from stream_outbox o
                                                   where o.group_id = b.group_id and o.topic = b.topic
                                                     and o.partition = b.partition)),
       outputs
  from stream_outbox b
 where outputs is not null
window w as (partition by group_id, topic, partition order by record_offset);

drop table stream_outbox;
