-- Up Migration
-- Erasure requests carried out (GDPR Art. 17), by keyed fingerprint only.
create table erasure (
  tenant_id text not null,
  request_id text not null,
  number_fingerprint text not null,
  erased_at timestamptz not null,
  constraint erasure_pk primary key (tenant_id, request_id)
);
