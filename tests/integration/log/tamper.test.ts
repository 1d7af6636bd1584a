import type { Auth } from "@tandem/auth";
import { schema } from "@tandem/db";
import { createLogSigner, entryHash, generateLogSigningKeyPem, GENESIS_HASH, verifyWorkspaceLog, type SignedCheckpoint } from "@tandem/db/log";
import { appendLogEntry, createWorkspace, getLogHead } from "@tandem/db/queries";
import type { PoolClient } from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { createTestAuth, signUpUser } from "../support/auth";
import { DB_KINDS, startTestDb, type TestDb } from "../support/db";

const signer = createLogSigner(generateLogSigningKeyPem());

describe.each(DB_KINDS)("transparency log tampering on %s", (kind) => {
  let t: TestDb;
  let auth: Auth;
  let ownerId: string;
  let n = 0;

  beforeAll(async () => {
    t = await startTestDb(kind);
    auth = createTestAuth(t.db);
    ownerId = (await signUpUser(auth, { name: "Owner", email: "owner@log.test" })).userId;
  });
  afterAll(async () => t?.close());

  /** A workspace whose log holds `count` entries written by the real appender; returns its id. */
  async function seededWorkspace(count: number) {
    const ws = await t.db.transaction((tx) => createWorkspace(tx, { slug: `log-${++n}`, name: `Log ${n}`, ownerId, ownerSide: "it" }));
    for (let start = 0; start < count; start += 1000) {
      await t.db.transaction(async (tx) => {
        for (let i = start; i < Math.min(count, start + 1000); i++) {
          await appendLogEntry(tx, {
            workspaceId: ws.id,
            actor: { id: ownerId, name: "Owner", side: "it" },
            action: "task.updated",
            entityId: `task-${i % 17}`,
            summary: { label: `Task ${i}`, before: { status: "todo" }, after: { status: i % 2 ? "done" : "blocked" } },
          });
        }
      });
    }
    return ws.id;
  }

  /** Runs SQL as the table owner with the append-only triggers switched off, as an attacker with DDL rights would. */
  async function asOwnerBypassing(sqls: string[]) {
    const client: PoolClient = await t.pool.connect();
    try {
      await client.query("alter table log_entry disable trigger user");
      for (const sql of sqls) await client.query(sql);
    } finally {
      await client.query("alter table log_entry enable trigger user");
      client.release();
    }
  }

  async function checkpointOf(workspaceId: string): Promise<SignedCheckpoint> {
    const head = await getLogHead(t.db, workspaceId);
    return signer.sign({ workspaceId, seq: head.seq, hash: head.hash, createdAt: new Date().toISOString() });
  }

  it("refuses UPDATE, DELETE and TRUNCATE through the trigger", async () => {
    const ws = await seededWorkspace(3);
    await expect(t.pool.query(`update log_entry set action = 'x' where workspace_id = '${ws}'`)).rejects.toThrow(/append-only/);
    await expect(t.pool.query(`delete from log_entry where workspace_id = '${ws}'`)).rejects.toThrow(/append-only/);
    await expect(t.pool.query(`truncate log_entry`)).rejects.toThrow(/append-only/);
    expect((await verifyWorkspaceLog(t.db, ws)).ok).toBe(true);
  });

  /** 10,000 correctly chained entries, hashed the way appendLogEntry does but inserted in bulk. */
  async function bulkChainedWorkspace(count: number) {
    const ws = await t.db.transaction((tx) => createWorkspace(tx, { slug: `log-${++n}`, name: `Log ${n}`, ownerId, ownerSide: "it" }));
    let prevHash = GENESIS_HASH;
    const base = Date.now() - count * 1000;
    for (let start = 0; start < count; start += 500) {
      const rows = [];
      for (let i = start; i < Math.min(count, start + 500); i++) {
        const fields = {
          workspaceId: ws.id,
          seq: i + 1,
          actorId: ownerId,
          actorName: "Owner",
          actorSide: "it" as const,
          action: "task.moved",
          entityType: "task",
          entityId: `t${i % 97}`,
          projectId: null,
          summary: { label: `Task ${i} — “quoted” ünïcode`, before: { status: "todo", n: i }, after: { status: "done", n: i + 0.5 } },
          createdAt: new Date(base + i * 1000),
          prevHash,
        };
        prevHash = entryHash(fields);
        rows.push({ ...fields, hash: prevHash });
      }
      await t.db.insert(schema.logEntry).values(rows);
    }
    await t.db.insert(schema.logHead).values({ workspaceId: ws.id, seq: count, hash: prevHash });
    return ws.id;
  }

  it("verifies a clean log of 10,000 entries with no false alarm", async () => {
    const ws = await bulkChainedWorkspace(10_000);
    const result = await verifyWorkspaceLog(t.db, ws, { checkpoints: [await checkpointOf(ws)], publicKeyPem: signer.publicKeyPem });
    expect(result).toMatchObject({ ok: true, entries: 10_000, verifiedThrough: 10_000, problem: null });
  }, 120_000);

  describe("names the first bad entry", () => {
    let ws: string;
    beforeEach(async () => {
      ws = await seededWorkspace(20);
    });
    const where = (seq: number) => `workspace_id = '${ws}' and seq = ${seq}`;

    it("when an entry is edited", async () => {
      await asOwnerBypassing([`update log_entry set summary = jsonb_set(summary, '{label}', '"Forged"') where ${where(7)}`]);
      expect((await verifyWorkspaceLog(t.db, ws)).problem).toMatchObject({ kind: "hash-mismatch", seq: 7 });
    });

    it("when an entry is deleted", async () => {
      await asOwnerBypassing([`delete from log_entry where ${where(11)}`]);
      expect((await verifyWorkspaceLog(t.db, ws)).problem).toMatchObject({ kind: "gap", seq: 11 });
    });

    it("when an entry is inserted", async () => {
      await asOwnerBypassing([
        `update log_entry set seq = seq + 1000 where workspace_id = '${ws}' and seq >= 5`,
        `update log_entry set seq = seq - 999 where workspace_id = '${ws}' and seq >= 1005`,
        `insert into log_entry select workspace_id, 5, actor_id, actor_name, actor_side, 'task.deleted', entity_type, entity_id, project_id, summary, created_at, prev_hash, hash from log_entry where ${where(4)}`,
      ]);
      const problem = (await verifyWorkspaceLog(t.db, ws)).problem;
      expect(problem?.seq).toBe(5);
    });

    it("when two entries are swapped", async () => {
      await asOwnerBypassing([
        `update log_entry set seq = -1 where ${where(8)}`,
        `update log_entry set seq = 8 where ${where(9)}`,
        `update log_entry set seq = 9 where ${where(-1)}`,
      ]);
      expect((await verifyWorkspaceLog(t.db, ws)).problem).toMatchObject({ kind: "broken-link", seq: 8 });
    });

    it("when the tail is truncated", async () => {
      await asOwnerBypassing([`delete from log_entry where workspace_id = '${ws}' and seq > 15`]);
      expect((await verifyWorkspaceLog(t.db, ws)).problem).toMatchObject({ kind: "truncated", seq: 16 });
    });

    it("when the tail is truncated and the head rewritten to match, against a checkpoint", async () => {
      const cp = await checkpointOf(ws);
      await asOwnerBypassing([`delete from log_entry where workspace_id = '${ws}' and seq > 15`]);
      await t.pool.query(`update log_head set seq = 15, hash = (select hash from log_entry where ${where(15)}) where workspace_id = '${ws}'`);
      expect((await verifyWorkspaceLog(t.db, ws)).ok).toBe(true); // without an outside anchor it can't be seen
      expect((await verifyWorkspaceLog(t.db, ws, { checkpoints: [cp], publicKeyPem: signer.publicKeyPem })).problem).toMatchObject({
        kind: "truncated",
        seq: 16,
      });
    });

    it("when the whole chain is re-hashed after an edit, against a checkpoint", async () => {
      const cp = await checkpointOf(ws);
      // Recompute every hash from #3 on, exactly as verify would, and move the head along.
      const rows = (await t.pool.query(`select * from log_entry where workspace_id = $1 order by seq`, [ws])).rows;
      let prev = rows[1].hash as string;
      const updates: string[] = [];
      for (const r of rows.slice(2)) {
        const summary = Number(r.seq) === 3 ? { ...r.summary, label: "Rewritten" } : r.summary;
        const fields = {
          workspaceId: r.workspace_id,
          seq: Number(r.seq),
          actorId: r.actor_id,
          actorName: r.actor_name,
          actorSide: r.actor_side,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          projectId: r.project_id,
          summary,
          createdAt: r.created_at,
          prevHash: prev,
        };
        const hash = entryHash(fields);
        updates.push(`update log_entry set summary = '${JSON.stringify(summary)}'::jsonb, prev_hash = '${prev}', hash = '${hash}' where ${where(fields.seq)}`);
        prev = hash;
      }
      await asOwnerBypassing(updates);
      await t.pool.query(`update log_head set hash = $1 where workspace_id = $2`, [prev, ws]);
      expect((await verifyWorkspaceLog(t.db, ws)).ok).toBe(true);
      const against = await verifyWorkspaceLog(t.db, ws, { checkpoints: [cp], publicKeyPem: signer.publicKeyPem });
      expect(against.ok).toBe(false);
      expect(against.problem?.kind).toBe("checkpoint-mismatch");
    });

    it("when a checkpoint is forged with another key", async () => {
      const cp = await checkpointOf(ws);
      const other = createLogSigner(generateLogSigningKeyPem());
      const forged = other.sign({ workspaceId: cp.workspaceId, seq: cp.seq, hash: cp.hash, createdAt: cp.createdAt });
      expect((await verifyWorkspaceLog(t.db, ws, { checkpoints: [forged], publicKeyPem: signer.publicKeyPem })).problem?.kind).toBe("bad-signature");
    });
  });
});
