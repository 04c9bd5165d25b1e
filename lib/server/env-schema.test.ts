import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatEnvError, parseEnv } from "./env-schema";

function parse(source: Record<string, string>) {
  const result = parseEnv(source);
  if (!result.success) throw new Error(formatEnvError(result.error));
  return result.data;
}

function failure(source: Record<string, string>): string {
  const result = parseEnv(source);
  if (result.success) throw new Error("expected the configuration to be refused");
  return formatEnvError(result.error);
}

describe("configuration", () => {
  it("defaults to the simulator, the embedded database and ./data/media with no variables", () => {
    const config = parse({});
    expect(config.upstream).toEqual({ kind: "simulator" });
    expect(config.database).toEqual({ kind: "pglite", dataDir: path.resolve("data/db") });
    expect(config.media).toEqual({ kind: "local", dir: path.resolve("data/media") });
    expect(config.port).toBe(3000);
    expect(config.publicBaseUrl).toBeNull();
  });

  it("switches to a relay when a token is set", () => {
    const config = parse({ LUMA_API_KEY: "sk-test", LUMA_BASE_URL: "https://relay.example.com/" });
    expect(config.upstream).toEqual({
      kind: "relay",
      baseUrl: "https://relay.example.com",
      apiKey: "sk-test",
    });
  });

  it("gives the official API its documented base URL by default", () => {
    const config = parse({ LUMA_PROVIDER: "official", LUMA_API_KEY: "luma-key" });
    expect(config.upstream).toMatchObject({
      kind: "official",
      baseUrl: "https://api.lumalabs.ai/dream-machine/v1",
    });
  });

  it("keeps the simulator when asked for explicitly even with a token", () => {
    expect(parse({ LUMA_PROVIDER: "simulator", LUMA_API_KEY: "x" }).upstream).toEqual({ kind: "simulator" });
  });

  it("treats empty strings as unset", () => {
    expect(parse({ LUMA_PROVIDER: "", LUMA_API_KEY: "  ", PORT: "" }).upstream.kind).toBe("simulator");
  });

  it("reads postgres URLs and pglite folders from DATABASE_URL", () => {
    expect(parse({ DATABASE_URL: "postgres://u:p@localhost:5432/luma" }).database).toEqual({
      kind: "postgres",
      url: "postgres://u:p@localhost:5432/luma",
    });
    expect(parse({ DATABASE_URL: "pglite:./tmp/db" }).database).toEqual({
      kind: "pglite",
      dataDir: path.resolve("tmp/db"),
    });
  });

  it("names the variable and what is allowed for each bad value, without echoing it", () => {
    expect(failure({ LUMA_PROVIDER: "openai" })).toBe(
      "Invalid configuration: LUMA_PROVIDER must be one of: simulator, relay, official",
    );
    expect(failure({ PORT: "99999" })).toContain("PORT must be a whole number from 1 to 65535");
    expect(failure({ PORT: "eighty" })).toContain("PORT must be a whole number from 1 to 65535");
    expect(failure({ PUBLIC_BASE_URL: "ftp://files.example.com" })).toContain(
      "PUBLIC_BASE_URL must be an http(s) URL",
    );
    expect(failure({ DATABASE_URL: "mysql://root@db/luma" })).toContain("DATABASE_URL must be postgres://");
    expect(failure({ SIMULATOR_SPEED: "0" })).toContain("SIMULATOR_SPEED must be a number from 0.01 to 100");
    expect(failure({ SIMULATOR_API: "agents" })).toContain("SIMULATOR_API must be one of: relay, official");
    expect(failure({ WATCHER_ENABLED: "maybe" })).toContain("WATCHER_ENABLED must be true or false");
  });

  it("runs the watcher unless WATCHER_ENABLED says otherwise", () => {
    expect(parse({}).watcher).toEqual({ enabled: true });
    expect(parse({ WATCHER_ENABLED: "false" }).watcher).toEqual({ enabled: false });
    expect(parse({ WATCHER_ENABLED: "1" }).watcher).toEqual({ enabled: true });
  });

  it("requires a base URL for a relay and a key for any real provider", () => {
    expect(failure({ LUMA_PROVIDER: "relay", LUMA_API_KEY: "secret-token-1" })).toContain(
      "LUMA_BASE_URL is required when LUMA_PROVIDER=relay",
    );
    const message = failure({ LUMA_PROVIDER: "official" });
    expect(message).toContain("LUMA_API_KEY is required when LUMA_PROVIDER=official");
  });

  it("never prints a secret in its error", () => {
    const message = failure({ LUMA_API_KEY: "sk-very-secret-value", LUMA_BASE_URL: "not a url" });
    expect(message).toContain("LUMA_BASE_URL must be an http(s) URL");
    expect(message).not.toContain("sk-very-secret-value");
  });

  it("prints a single line", () => {
    expect(failure({ LUMA_PROVIDER: "x", PORT: "0" })).not.toContain("\n");
  });
});

describe("media configuration", () => {
  const s3 = {
    MEDIA_URL: "s3://luma-media/studio/prod/",
    S3_ENDPOINT: "http://127.0.0.1:9000/",
    S3_ACCESS_KEY_ID: "AKIDEXAMPLE",
    S3_SECRET_ACCESS_KEY: "s3-very-secret-value",
  };

  it("reads an S3 bucket, prefix, endpoint and keys, path-style by default with an endpoint", () => {
    expect(parse(s3).media).toEqual({
      kind: "s3",
      bucket: "luma-media",
      prefix: "studio/prod",
      endpoint: "http://127.0.0.1:9000",
      region: "us-east-1",
      forcePathStyle: true,
      credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "s3-very-secret-value" },
    });
  });

  it("uses virtual-hosted buckets on AWS itself and the SDK's default credentials without keys", () => {
    expect(parse({ MEDIA_URL: "s3://luma-media", S3_REGION: "eu-central-1" }).media).toEqual({
      kind: "s3",
      bucket: "luma-media",
      prefix: "",
      endpoint: null,
      region: "eu-central-1",
      forcePathStyle: false,
      credentials: null,
    });
    expect(parse({ ...s3, S3_FORCE_PATH_STYLE: "false" }).media).toMatchObject({ forcePathStyle: false });
  });

  it("keeps MEDIA_DIR as the local folder when MEDIA_URL is unset", () => {
    expect(parse({ MEDIA_DIR: "./tmp/media" }).media).toEqual({
      kind: "local",
      dir: path.resolve("tmp/media"),
    });
  });

  it("refuses bad S3 settings by name, never echoing the secret", () => {
    expect(failure({ MEDIA_URL: "https://bucket.example.com" })).toContain("MEDIA_URL must be s3://bucket");
    expect(failure({ MEDIA_URL: "s3://Bad_Bucket" })).toContain("MEDIA_URL must be s3://bucket");
    expect(failure({ MEDIA_URL: "s3://bucket/../up" })).toContain("the prefix takes letters");
    expect(failure({ ...s3, MEDIA_DIR: "media" })).toContain("MEDIA_DIR and MEDIA_URL=s3://… cannot both");
    expect(failure({ ...s3, S3_ENDPOINT: "ftp://x" })).toContain("S3_ENDPOINT must be an http(s) URL");
    expect(failure({ ...s3, S3_FORCE_PATH_STYLE: "yes" })).toContain("S3_FORCE_PATH_STYLE must be true");
    const missingId = failure({ ...s3, S3_ACCESS_KEY_ID: "" });
    expect(missingId).toContain("S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together");
    expect(missingId).not.toContain("s3-very-secret-value");
  });

  it("reads TRUSTED_PROXIES, ALLOWED_HOSTS and SUBMIT_RATE_LIMIT_TOTAL, and names them when they are wrong", () => {
    expect(parse({}).security).toMatchObject({
      trustedProxies: { kind: "none" },
      allowedHosts: [],
      submitsPerMinuteTotal: 100,
    });
    expect(parse({ TRUSTED_PROXIES: "1" }).security.trustedProxies).toEqual({ kind: "hops", hops: 1 });
    expect(parse({ TRUSTED_PROXIES: "10.0.0.0/8, ::1/128" }).security.trustedProxies).toEqual({
      kind: "addresses",
      list: ["10.0.0.0/8", "::1/128"],
    });
    expect(parse({ ALLOWED_HOSTS: "Studio.LAN, 192.168.1.20" }).security.allowedHosts).toEqual([
      "studio.lan",
      "192.168.1.20",
    ]);
    expect(parse({ SUBMIT_RATE_LIMIT: "3" }).security.submitsPerMinuteTotal).toBe(15);
    for (const bad of ["0", "yes", "10.0.0.0/33", "11"]) {
      expect(failure({ TRUSTED_PROXIES: bad })).toContain("TRUSTED_PROXIES must be a hop count");
    }
    expect(failure({ ALLOWED_HOSTS: "https://studio.lan" })).toContain("ALLOWED_HOSTS must be");
    expect(failure({ SUBMIT_RATE_LIMIT_TOTAL: "0" })).toContain("SUBMIT_RATE_LIMIT_TOTAL must be");
  });
});
