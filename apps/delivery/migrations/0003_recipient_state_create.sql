-- Up Migration
-- Delivery's own copy of what it must know at the last moment before a provider call (no reads of other
-- services' tables). Numbers are kept as the keyed fingerprint only.
-- The newest consent change per purpose, from internal.recipient-events.v1 (and provider opt-out errors).
create table recipient_consent (
  tenant_id text not null,
  phone_fingerprint text not null,
  purpose text not null,
  status text not null check (status in ('opted_in', 'opted_out')),
  -- event | keyword | complaint (consent's causes), provider (an opt-out error at send), erased
  cause text not null,
  at timestamptz not null,
  ledger_event_id text not null,
  constraint recipient_consent_pk primary key (tenant_id, phone_fingerprint, purpose)
);
-- Numbers an `undeliverable` receipt suppressed, until a newer opt-in.
create table undeliverable_number (
  tenant_id text not null,
  phone_fingerprint text not null,
  at timestamptz not null,
  provider_message_id text,
  error_code text,
  constraint undeliverable_number_pk primary key (tenant_id, phone_fingerprint)
);
-- Receipts that arrived before their send was reported; re-published once it is.
create table unmatched_receipt (
  tenant_id text not null,
  provider_message_id text not null,
  receipt jsonb not null,
  received_at timestamptz not null default now(),
  constraint unmatched_receipt_pk primary key (tenant_id, provider_message_id)
);
