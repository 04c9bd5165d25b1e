import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvForTests } from "./env";
import { scrub } from "./log";

describe("log scrubbing", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    resetEnvForTests();
  });

  it("removes the S3 secret and the database password from any line", () => {
    vi.stubEnv("MEDIA_URL", "s3://luma-media");
    vi.stubEnv("S3_ACCESS_KEY_ID", "AKIDEXAMPLE");
    vi.stubEnv("S3_SECRET_ACCESS_KEY", "s3-secret-in-a-log");
    vi.stubEnv("DATABASE_URL", "postgres://luma:pg%2Fpassword@127.0.0.1:5432/luma");
    resetEnvForTests();
    const line = scrub("failed: s3-secret-in-a-log at postgres://luma:pg%2Fpassword@ and pg/password");
    expect(line).not.toContain("s3-secret-in-a-log");
    expect(line).not.toContain("pg%2Fpassword");
    expect(line).not.toContain("pg/password");
  });
});
