-- Up Migration
-- Consent changes as consent published them, numbered in the order scheduling recorded them (one partition
-- per recipient keeps consent's order). A waiting message is revoked by an opt-out recorded after the consent
-- event that let it through (see consent-view.ts).
create table recipient_consent_event (
  seq bigserial primary key,
  tenant_id text not null,
  recipient text not null,
  purpose text not null,
  status text not null check (status in ('opted_in', 'opted_out')),
  cause text not null,
  ledger_event_id text not null,
  changed_at timestamptz not null,
  constraint recipient_consent_event_ledger unique (tenant_id, ledger_event_id)
);
create index recipient_consent_event_recipient on recipient_consent_event (tenant_id, recipient, seq);
