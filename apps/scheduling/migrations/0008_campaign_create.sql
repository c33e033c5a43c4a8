-- Up Migration
-- Per campaign: messages released, opt-outs and complaints attributed to it, and whether it is paused
-- (CONTRACT §3). The guard counts from the last resume (`*_at_resume`), so a resumed campaign starts afresh.
create table campaign (
  tenant_id text not null,
  campaign_id text not null,
  sent integer not null default 0,
  opt_outs integer not null default 0,
  complaints integer not null default 0,
  sent_at_resume integer not null default 0,
  opt_outs_at_resume integer not null default 0,
  complaints_at_resume integer not null default 0,
  paused boolean not null default false,
  pauses integer not null default 0,
  updated_at timestamptz not null,
  constraint campaign_pk primary key (tenant_id, campaign_id)
);
