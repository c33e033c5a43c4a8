-- Up Migration
-- A campaign request being fanned out. The recipients are fixed when the request is accepted: one row per
-- distinct number among the contacts the segment selected then (the smallest externalId holding it), so the
-- fan-out is a stable snapshot; contacts added later are not in it. Pages of recipients are fanned out in
-- externalId order, `cursor` holding the last externalId done ('' before the first page); a page whose
-- `after` is not the cursor is a duplicate and is ignored. Recipient rows are deleted when the fan-out ends.
create table campaign_fanouts (
  tenant_id text not null,
  request_id text not null,
  campaign_id text not null,
  request jsonb not null,
  received_at timestamptz not null,
  recipients integer not null default 0,
  fanned_out integer not null default 0,
  cursor text not null default '',
  done_at timestamptz,
  constraint campaign_fanouts_pk primary key (tenant_id, request_id)
);

create table campaign_recipients (
  tenant_id text not null,
  request_id text not null,
  external_id text not null,
  e164 text not null,
  constraint campaign_recipients_pk primary key (tenant_id, request_id, external_id)
);
create index campaign_recipients_number on campaign_recipients (tenant_id, e164);
