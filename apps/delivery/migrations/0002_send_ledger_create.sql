-- Up Migration
-- The send ledger: one row per (tenant, message id), written and committed BEFORE the provider is called, so a
-- crash can never lead to a blind second send. States:
--   attempting  a provider call may be in flight (attempt_owner names the process making it)
--   retry_wait  the provider said "not now" (429/5xx, circuit open, rate limit); next_attempt_at says when
--   sent        the provider accepted it (provider_message_id)
--   failed      the provider rejected it, or every attempt failed transiently
--   unknown     a call may have reached the provider and it cannot tell us (reported as failed, never re-sent)
--   cancelled   opted out by the last-moment check
--   blocked     suppressed (undeliverable number) by the last-moment check
-- `reported` turns true in the same transaction as the outcome records it caused.
create table send_ledger (
  tenant_id text not null,
  message_id text not null,
  e164 text,
  phone_fingerprint text not null,
  purpose text not null,
  kind text not null,
  campaign_id text,
  provider text not null,
  state text not null check (state in ('attempting', 'retry_wait', 'sent', 'failed', 'unknown', 'cancelled', 'blocked')),
  attempts integer not null default 0,
  attempt_owner bigint,
  attempt_started_at timestamptz,
  next_attempt_at timestamptz,
  republished_at timestamptz,
  provider_message_id text,
  reason text,
  detail jsonb,
  -- the ReleasedItem as JSON text, kept only while a later round may need it
  payload text,
  reported boolean not null default false,
  receipt_status text,
  result_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint send_ledger_pk primary key (tenant_id, message_id)
);
create index send_ledger_provider_message on send_ledger (tenant_id, provider_message_id) where provider_message_id is not null;
create index send_ledger_due on send_ledger (next_attempt_at) where state in ('retry_wait', 'attempting');
create index send_ledger_number on send_ledger (tenant_id, phone_fingerprint);
