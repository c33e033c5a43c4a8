-- Up Migration
-- The contacts ingestion has forwarded (CSV import and the contacts topic), so an import can tell a new
-- contact from an update and a number already held by another contact, without reading validation's tables.
-- `import_id` marks the import that last wrote the row: a second row of the same file is a duplicate.
-- Rows of an erased number are deleted (recipient event `erased`).
create table known_contacts (
  tenant_id text not null,
  external_id text not null,
  e164 text not null,
  import_id text,
  updated_at timestamptz not null,
  constraint known_contacts_pk primary key (tenant_id, external_id)
);
create index known_contacts_number on known_contacts (tenant_id, e164);
