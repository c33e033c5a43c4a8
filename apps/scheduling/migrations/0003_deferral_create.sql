-- Up Migration
-- The deferral queue: a message waiting for its sending window, its notBefore or its chosen send time. The row
-- holds the message (number and body) only while it waits; it is deleted when the message is released,
-- blocked, expired or cancelled. Each instance's timer claims due rows (for update skip locked) and publishes a
-- due tick; the due consumer releases the row once.
create table deferral (
  tenant_id text not null,
  message_id text not null,
  recipient text not null,
  purpose text not null,
  campaign_id text,
  due_at timestamptz not null,
  scheduled_for timestamptz not null,
  reason text,
  deferrals integer not null,
  -- The highest recipient_consent_event.seq known when the message arrived (see consent-view.ts).
  consent_seq bigint not null,
  message jsonb not null,
  ticked_at timestamptz,
  created_at timestamptz not null,
  constraint deferral_pk primary key (tenant_id, message_id)
);
create index deferral_due on deferral (due_at);
create index deferral_recipient on deferral (tenant_id, recipient);
-- Rows ticked and not yet acted on: the timer keeps their number bounded.
create index deferral_ticked on deferral (ticked_at) where ticked_at is not null;
create index deferral_campaign on deferral (tenant_id, campaign_id) where campaign_id is not null;
