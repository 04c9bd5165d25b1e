import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { assertLoopbackDatabaseUrl } from "@/tests/support/local-postgres";
import { type OpenDatabase, openDatabase } from "../db/open";
import { SharedCounters } from "./counters";

/** Three instances on one real PostgreSQL, racing for the same limit: together they get exactly it. */
describe("shared limits across instances (real Postgres)", () => {
  const url = inject("postgresUrls").limits;
  let instances: OpenDatabase[] = [];

  beforeAll(async () => {
    assertLoopbackDatabaseUrl(url);
    instances = await Promise.all([1, 2, 3].map(() => openDatabase({ kind: "postgres", url })));
  });
  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.close()));
  });

  it("300 concurrent takes from three instances: exactly the limit of 20 succeed", async () => {
    const counters = instances.map((instance) => new SharedCounters(async () => instance.db));
    const now = Date.now();
    const takes = await Promise.all(
      Array.from({ length: 300 }, (_, i) => counters[i % 3]!.take("submit:all", 20, 60_000, now)),
    );
    expect(takes.filter((take) => take.wait === 0)).toHaveLength(20);
    expect(takes.filter((take) => take.wait > 0).every((take) => take.wait <= 60)).toBe(true);
  });
});
