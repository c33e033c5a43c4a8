import { Client } from 'pg';

import { auditEvent } from './builders';
import { AuditHarness, KEYS } from './support';

jest.setTimeout(120000);

/** The trail cannot be rewritten by the service, and a rewrite by anyone else is found. */
describe('audit trail integrity, on the real broker and database', () => {
  const harness = new AuditHarness();

  beforeAll(() => harness.setUp('audit_integrity'));
  afterAll(() => harness.tearDown());

  it("the service's own role cannot UPDATE, DELETE or TRUNCATE the trail", async () => {
    const events = Array.from({ length: 3 }, (_, i) =>
      auditEvent(`scheduling:r-${i}:message.released`, 'message.released', {
        tenantId: 'demo',
        subject: { messageId: `r-${i}` },
      }),
    );
    await harness.produceEvents(events);
    await harness.until(
      '/v1/audit/integrity',
      (a) => a.body.ok === true && a.body.checked >= 3,
      'demo events stored',
      30000,
      KEYS.demo,
    );
    const url = new URL(harness.db.url);
    url.username = 'optline_audit_writer';
    const writer = new Client({ connectionString: url.toString() });
    await writer.connect();
    try {
      const { rows } = await writer.query(
        `select count(*)::int as n from audit.audit_record where tenant_id = 'demo'`,
      );
      expect(rows[0].n).toBeGreaterThan(0);
      for (const statement of [
        `update audit.audit_record set action = 'forged' where tenant_id = 'demo'`,
        `delete from audit.audit_record where tenant_id = 'demo'`,
        `truncate audit.audit_record`,
      ]) {
        await expect(writer.query(statement)).rejects.toMatchObject({ code: '42501' });
      }
    } finally {
      await writer.end();
    }
  });

  it('an UPDATE through a superuser connection is caught by the integrity check, which names the first broken row', async () => {
    // Tenant acme-eu, so the other tests' chain stays whole.
    const events = Array.from({ length: 8 }, (_, i) =>
      auditEvent(`scheduling:t-${i}:message.deferred`, 'message.deferred', {
        tenantId: 'acme-eu',
        subject: { messageId: `t-${i}` },
        reason: 'QUIET_HOURS',
      }),
    );
    await harness.produceEvents(events);
    const intact = await harness.until(
      '/v1/audit/integrity',
      (a) => a.body.ok === true && a.body.checked >= 8,
      'acme chain stored',
      30000,
      KEYS.acme,
    );
    expect(intact.body).toEqual({ ok: true, checked: expect.any(Number) });
    expect((await harness.get('/v1/audit/integrity', KEYS.demo)).body.ok).toBe(true);

    const admin = new Client({ connectionString: harness.db.url });
    await admin.connect();
    try {
      const target = `scheduling:t-4:message.deferred`;
      // Even a superuser hits the trigger...
      await expect(
        admin.query(`update audit.audit_record set reason = 'HOLIDAY' where record_id = $1`, [target]),
      ).rejects.toThrow(/append-only/);
      await expect(
        admin.query(`delete from audit.audit_record where record_id = $1`, [target]),
      ).rejects.toThrow(/append-only/);
      // ...until it turns triggers off for its session and rewrites history.
      await admin.query(`set session_replication_role = replica`);
      await admin.query(
        `update audit.audit_record set reason = 'HOLIDAY', body = jsonb_set(body, '{reason}', '"HOLIDAY"') where record_id = $1`,
        [target],
      );
      const { rows } = await admin.query(
        `select seq::int as seq from audit.audit_record where record_id = $1`,
        [target],
      );

      const broken = await harness.get('/v1/audit/integrity', KEYS.acme);
      expect(broken.body).toEqual({
        ok: false,
        checked: rows[0].seq,
        firstBrokenId: target,
        firstBrokenSeq: rows[0].seq,
        problem: 'hash_mismatch',
      });
      // The tenant next door is untouched.
      expect((await harness.get('/v1/audit/integrity', KEYS.demo)).body.ok).toBe(true);
      // A range that ends before the change still checks out.
      const before = await harness.get(
        `/v1/audit/integrity?to=${encodeURIComponent('2000-01-01T00:00:00Z')}`,
        KEYS.acme,
      );
      expect(before.body).toEqual({ ok: true, checked: 0 });
      expect(await harness.get('/v1/audit/integrity?from=soon', KEYS.acme)).toMatchObject({
        status: 400,
        body: { details: [{ path: 'from' }] },
      });
    } finally {
      await admin.end();
    }
  });
});
