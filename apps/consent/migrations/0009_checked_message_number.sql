-- Up Migration
-- The number and purpose of each message consent let through, so a STOP can tell which program it answered
-- (per-program revocation, a tenant's opt-in while 47 CFR 64.1200(a)(10)'s revoke-all is waived).
alter table checked_message add column number_fingerprint text, add column purpose text;
create index checked_message_latest on checked_message (tenant_id, number_fingerprint, checked_at desc)
  where allowed;
