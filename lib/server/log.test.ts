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

  it("removes the token, passcode and session secret in altered forms (issue 16 point 5)", () => {
    const token = "luma-relay-TOKEN-9f8e7d6c5b4a";
    vi.stubEnv("LUMA_PROVIDER", "relay");
    vi.stubEnv("LUMA_BASE_URL", "https://relay.example");
    vi.stubEnv("LUMA_API_KEY", token);
    vi.stubEnv("STUDIO_PASSCODE", "open-sesame-passcode");
    vi.stubEnv("SESSION_SECRET", `${"a".repeat(8)}SessionSecretValue0123456789`);
    resetEnvForTests();
    const forms = [
      Buffer.from(`Bearer ${token}`).toString("base64"),
      token.toLowerCase(),
      token.slice(0, 19),
      encodeURIComponent(`Bearer ${token}`).toLowerCase(),
      "OPEN-SESAME-PASSCODE",
      Buffer.from("x:open-sesame-passcode").toString("base64url"),
      "SessionSecretValue",
    ];
    for (const form of forms) {
      const line = scrub(`upstream said: ${form} (done)`);
      expect(line, form).not.toContain(form);
      expect(line).toContain("[redacted]");
    }
  });
});
