-- Up Migration
-- The stream outbox keeps one row per batch (platform migration 0002); the writer role reads, locks
-- (`for update`), stores and deletes them. The per-record table it replaced is gone, with its grants.
grant select, insert, update, delete on stream_outbox_batch to optline_audit_writer;
