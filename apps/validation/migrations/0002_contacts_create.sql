-- Up Migration
-- The contact registry: the tenant's phone-number database. A contact is (tenant, externalId); its number is
-- kept in E.164 with what validation learned of it. Several contacts may share a number: they are one
-- recipient (fan-out picks one contact per number), and the sharing is recorded in `contact.upserted` audit
-- events. Segments are evaluated here: tags (GIN) and attributes (JSONB, GIN).
-- An erasure deletes the number's contacts outright (number_hygiene keeps only a keyed fingerprint).
create table contacts (
  tenant_id text not null,
  external_id text not null,
  e164 text not null,
  region text not null,
  number_type text not null,
  attributes jsonb not null default '{}'::jsonb,
  tags text[] not null default '{}',
  locale text,
  time_zone text,
  updated_at timestamptz not null,
  constraint contacts_pk primary key (tenant_id, external_id)
);
create index contacts_number on contacts (tenant_id, e164);
create index contacts_tags on contacts using gin (tags);
create index contacts_attributes on contacts using gin (attributes);
