import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { json, startServer, type TestServer } from "@/lib/luma/test-helpers";
import { accountBalance, BALANCE_CACHE_MS, forgetBalance } from "./balance";
import { resetEnvForTests } from "./env";

const saved = { ...process.env };
let relay: TestServer;
let available = 500;

beforeAll(async () => {
  relay = await startServer((req, res) =>
    req.url === "/api/usage/token"
      ? json(res, 200, { code: true, message: "ok", data: { total_available: available } })
      : json(res, 404, { detail: "not found" }),
  );
  process.env = {
    ...saved,
    PORT: "3000",
    LUMA_PROVIDER: "relay",
    LUMA_BASE_URL: relay.url,
    LUMA_API_KEY: "relay-token-for-balance-test",
  };
  resetEnvForTests();
});
afterAll(async () => {
  await relay.close();
  process.env = { ...saved };
  resetEnvForTests();
});
afterEach(() => forgetBalance());

const asked = () => relay.received.filter((req) => req.url === "/api/usage/token").length;

describe("accountBalance", () => {
  it("keeps the balance for BALANCE_CACHE_MS, then asks the upstream again", async () => {
    available = 500;
    const start = asked();
    const now = 1_000_000;
    expect(await accountBalance(now)).toEqual({
      balance: { source: "token_usage", amount: 500, unit: "quota", unlimited: false },
    });
    available = 400;
    // Two reads at once and one just inside the window share the first answer.
    await Promise.all([accountBalance(now + 1), accountBalance(now + 2)]);
    expect((await accountBalance(now + BALANCE_CACHE_MS - 1)).balance?.amount).toBe(500);
    expect(asked() - start).toBe(1);
    expect((await accountBalance(now + BALANCE_CACHE_MS)).balance?.amount).toBe(400);
    expect(asked() - start).toBe(2);
  });

  it("asks again at once after forgetBalance (a create went through)", async () => {
    available = 300;
    const now = 2_000_000;
    expect((await accountBalance(now)).balance?.amount).toBe(300);
    available = 250;
    expect((await accountBalance(now + 1)).balance?.amount).toBe(300);
    forgetBalance();
    expect((await accountBalance(now + 2)).balance?.amount).toBe(250);
  });
});
