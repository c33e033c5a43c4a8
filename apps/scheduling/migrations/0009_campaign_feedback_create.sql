-- Up Migration
-- One opt-out and one complaint at most per campaign and recipient.
create table campaign_feedback (
  tenant_id text not null,
  campaign_id text not null,
  recipient text not null,
  kind text not null check (kind in ('opt_out', 'complaint')),
  message_id text not null,
  at timestamptz not null,
  constraint campaign_feedback_pk primary key (tenant_id, campaign_id, recipient, kind)
);
