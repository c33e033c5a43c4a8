-- Up Migration
-- The role the audit service works as: every pooled connection runs `SET ROLE optline_audit_writer`
-- (src/trail/writer-role.ts). It may read and append to the trail, move the chain heads, and keep the
-- platform's stream outbox, but never UPDATE, DELETE or TRUNCATE an audit row. Roles belong to the whole
-- PostgreSQL cluster, so it is created only if missing (several databases, e.g. test runs, share it).
-- LOGIN lets an operator connect as it to inspect the trail; it has no password, so under password
-- authentication nobody can log in as it until one is set.
do $$
begin
  if not exists (select from pg_roles where rolname = 'optline_audit_writer') then
    create role optline_audit_writer login;
  end if;
exception
  when duplicate_object or unique_violation then null; -- created by a concurrent migration
end;
$$;

do $$
begin
  execute format('grant usage on schema %I to optline_audit_writer', current_schema());
  -- A service user that is not a superuser must be a member of the role to SET ROLE to it.
  if not (select rolsuper from pg_roles where rolname = current_user) then
    execute format('grant optline_audit_writer to %I', current_user);
  end if;
end;
$$;

revoke all on audit_record, chain_head from optline_audit_writer;
grant select, insert on audit_record to optline_audit_writer;
grant select, insert, update on chain_head to optline_audit_writer;
