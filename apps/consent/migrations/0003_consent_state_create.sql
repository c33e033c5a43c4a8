-- Up Migration
-- Current consent per number and purpose: the ledger event that decides it (newest by occurredAt, see
-- consentStateAt in @optline/domain). A projection of consent_ledger, rewritten whenever the deciding event changes.
create table consent_state (
  tenant_id text not null,
  number_fingerprint text not null,
  purpose text not null,
  status text not null check (status in ('opted_in', 'opted_out', 'none', 'expired')),
  ledger_event_id text,
  since timestamptz,
  updated_at timestamptz not null,
  constraint consent_state_pk primary key (tenant_id, number_fingerprint, purpose)
);
