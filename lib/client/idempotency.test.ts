import { describe, expect, it } from "vitest";
import { ApiError, networkError } from "./api";
import { fingerprint, newIdempotencyKey, outcomeUnknown, SubmissionKeys } from "./idempotency";

const counterKeys = () => {
  let n = 0;
  return new SubmissionKeys(() => `key-${++n}-padding`);
};

describe("SubmissionKeys", () => {
  it("reuses the key for a retry of the same content, even with keys in another order", () => {
    const keys = counterKeys();
    const first = keys.keyFor({ prompt: "a cat", loop: false, startFrame: { uploadId: "u1" } });
    const again = keys.keyFor({ startFrame: { uploadId: "u1" }, loop: false, prompt: "a cat" });
    expect(again).toBe(first);
  });

  it("makes a new key when the content changes", () => {
    const keys = counterKeys();
    const first = keys.keyFor({ prompt: "a cat" });
    expect(keys.keyFor({ prompt: "a dog" })).not.toBe(first);
    expect(keys.keyFor({ prompt: "a cat" })).not.toBe(first);
  });

  it("makes a new key after a definite answer, so the same prompt can be generated twice on purpose", () => {
    const keys = counterKeys();
    const first = keys.keyFor({ prompt: "a cat" });
    keys.settle();
    expect(keys.keyFor({ prompt: "a cat" })).not.toBe(first);
  });
});

describe("outcomeUnknown", () => {
  it("keeps the key only when the server may have made a task without telling us", () => {
    expect(outcomeUnknown(networkError())).toBe(true);
    expect(outcomeUnknown(new ApiError(500, "internal", "oops"))).toBe(true);
    expect(outcomeUnknown(new ApiError(400, "validation_failed", "prompt: is required"))).toBe(false);
    expect(outcomeUnknown(new ApiError(502, "upstream_rejected", "no", {}, "task_1"))).toBe(false);
    expect(outcomeUnknown(new ApiError(429, "rate_limited", "slow down"))).toBe(false);
  });
});

describe("keys", () => {
  it("are valid Idempotency-Key values", () => {
    expect(newIdempotencyKey()).toMatch(/^[\x21-\x7e]{8,200}$/);
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
  });

  it("fingerprints nested objects independently of key order", () => {
    expect(fingerprint({ a: 1, b: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe(
      fingerprint({ b: { c: [3, { e: 2, f: 1 }], d: 2 }, a: 1 }),
    );
  });
});
