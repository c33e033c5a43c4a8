-- Up Migration
-- The consent ledger: every consent event, appended and never changed (GDPR Art. 7(1): the controller must be
-- able to demonstrate consent; TCPA disputes turn on the same evidence). The one permitted change is erasure
-- (GDPR Art. 17): the clear-text number and the personal fields of the proof are removed, and the row stays
-- findable by the keyed fingerprint of the number, with a keyed hash of the original proof for verification.
create table consent_ledger (
  tenant_id text not null,
  -- Deterministic: `<source>:<source event id>[:<purpose>]`, so a replayed input appends nothing new.
  id text not null,
  number_fingerprint text not null,
  e164 text,
  region text,
  purpose text not null check (purpose in ('marketing', 'transactional')),
  action text not null check (action in ('opt_in', 'opt_out')),
  method text not null,
  proof jsonb not null,
  proof_hash text not null,
  occurred_at timestamptz not null,
  received_at timestamptz not null,
  expires_at timestamptz,
  source text not null check (source in ('consent_event', 'keyword', 'erasure')),
  source_event_id text not null,
  cause text not null check (cause in ('event', 'keyword', 'complaint')),
  erased_at timestamptz,
  constraint consent_ledger_pk primary key (tenant_id, id)
);
create index consent_ledger_number on consent_ledger (tenant_id, number_fingerprint);

create function consent_ledger_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'consent_ledger is append-only';
  end if;
  if new.e164 is not null or new.erased_at is null
     or (new.tenant_id, new.id, new.number_fingerprint, new.region, new.purpose, new.action, new.method,
         new.proof_hash, new.occurred_at, new.received_at, new.expires_at, new.source, new.source_event_id, new.cause)
        is distinct from
        (old.tenant_id, old.id, old.number_fingerprint, old.region, old.purpose, old.action, old.method,
         old.proof_hash, old.occurred_at, old.received_at, old.expires_at, old.source, old.source_event_id, old.cause)
  then
    raise exception 'consent_ledger rows change only to erase personal data';
  end if;
  return new;
end
$$;

create trigger consent_ledger_append_only before update or delete on consent_ledger
  for each row execute function consent_ledger_append_only();
