import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { type OpenDatabase, openDatabase } from "../db/open";
import { tasks } from "../db/schema";
import { log } from "../log";
import { BODY_LIMITS } from "./body";
import { route } from "./route";

/**
 * Issue 16 points 7 and 16 at the route wrapper: NUL characters are refused at the boundary (400 naming
 * the field, 404 in a path), bodies are read within a byte limit (413, never cut), and a failed database
 * query is logged without its statement's bound parameters.
 */

const calls: unknown[] = [];
const handler = route(
  {
    params: z.object({ id: z.string() }),
    query: z.object({ q: z.string().optional() }),
    body: z.object({ prompt: z.string(), extra: z.object({ tags: z.array(z.string()) }).optional() }),
    access: "public",
    foreignPosts: true,
  },
  async (input) => {
    calls.push(input.body);
    return { ok: true };
  },
);

function post(body: BodyInit, { id = "t1", query = "", headers = {} as Record<string, string> } = {}) {
  const request = new Request(`http://studio.test/api/x/${id}${query}`, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
    duplex: "half",
  } as RequestInit);
  return handler(request, { params: Promise.resolve({ id }) });
}

/** A body sent in chunks without a Content-Length, as `curl -H 'Transfer-Encoding: chunked'` does. */
function chunked(total: number, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= total) return controller.close();
      const size = Math.min(chunk, total - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
}

describe("the route wrapper at the boundary", () => {
  it("refuses a NUL character in the body, naming the field, before the handler runs", async () => {
    calls.length = 0;
    for (const [body, field] of [
      [{ prompt: "a\u0000b" }, "prompt"],
      [{ prompt: "ok", extra: { tags: ["fine", "x\u0000"] } }, "extra.tags.1"],
    ] as const) {
      const answer = await post(JSON.stringify(body));
      expect(answer.status).toBe(400);
      const { error } = await answer.json();
      expect(error).toMatchObject({
        code: "validation_failed",
        fields: { [field]: "must not contain a NUL character" },
      });
      expect(error.message).toBe(`${field}: must not contain a NUL character`);
    }
    expect(calls).toEqual([]);
  });

  it("refuses a NUL character in the query (400) and in a path segment (404)", async () => {
    const query = await post(JSON.stringify({ prompt: "ok" }), { query: "?q=%00" });
    expect(query.status).toBe(400);
    expect((await query.json()).error.message).toBe("q: must not contain a NUL character");
    const param = await post(JSON.stringify({ prompt: "ok" }), { id: "t1\u0000" });
    expect(param.status).toBe(404);
  });

  it("refuses a chunked body over the limit with 413 naming it, and never hands a cut body on", async () => {
    calls.length = 0;
    const answer = await post(chunked(BODY_LIMITS.json + 1));
    expect(answer.status).toBe(413);
    const { error } = await answer.json();
    expect(error).toMatchObject({ code: "payload_too_large", message: "body: must be at most 256 KB" });
    const declared = await post("{}", { headers: { "content-length": String(30 * 1024 * 1024) } });
    expect(declared.status).toBe(413);
    expect(calls).toEqual([]);
    // Just under the limit is read whole.
    const padded = `{"prompt":"ok"${" ".repeat(BODY_LIMITS.json - 20)}}`;
    expect((await post(padded)).status).toBe(200);
  });
});

describe("a failed database query in the log", () => {
  let dir: string;
  let open: OpenDatabase;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "luma-route-"));
    open = await openDatabase({ kind: "pglite", dataDir: path.join(dir, "db") });
  });
  afterAll(async () => {
    await open.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("names the database's error, never the statement's bound parameters", async () => {
    const failed = await open.db
      .insert(tasks)
      .values({
        id: "t-nul",
        provider: "relay",
        kind: "generate",
        prompt: "a\u0000b",
        state: "submitting",
        idempotencyKey: "idem-KEY-do-not-log-4711",
        hookSecret: "hook-SECRET-do-not-log-0815",
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(failed).toBeInstanceOf(Error);
    const lines: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(line));
    log.error("unexpected error", { requestId: "r1", error: failed });
    spy.mockRestore();
    expect(lines).toHaveLength(1);
    const line = lines[0] ?? "";
    expect(line).not.toContain("idem-KEY-do-not-log-4711");
    expect(line).not.toContain("hook-SECRET-do-not-log-0815");
    expect(line).not.toContain("insert into");
    expect(JSON.parse(line).error).toMatchObject({ name: "DatabaseError", message: expect.any(String) });
  });
});
