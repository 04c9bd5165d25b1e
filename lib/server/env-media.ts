import "server-only";
import path from "node:path";
import { z } from "zod";

/**
 * Where media live: a local folder (MEDIA_DIR, the default) or an S3-compatible bucket (MEDIA_URL=s3://…
 * with the S3_* variables). Pure like env-schema.ts; messages name variables, never values, because the
 * S3 secret is one of them.
 */

export type MediaConfig =
  | { kind: "local"; dir: string }
  | {
      kind: "s3";
      bucket: string;
      /** Key prefix without slashes at either end; "" for the bucket's root. */
      prefix: string;
      endpoint: string | null;
      region: string;
      forcePathStyle: boolean;
      /** Null: the AWS SDK's default chain (instance role, AWS_* variables, ~/.aws). */
      credentials: { accessKeyId: string; secretAccessKey: string } | null;
    };

const emptyToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;
const optional = z.preprocess(emptyToUndefined, z.string().trim().optional());

export const MediaEnvShape = {
  MEDIA_DIR: optional,
  MEDIA_URL: optional,
  S3_ENDPOINT: z.preprocess(
    emptyToUndefined,
    z
      .url({ protocol: /^https?$/, error: "S3_ENDPOINT must be an http(s) URL, e.g. https://s3.example.com" })
      .transform((value) => value.replace(/\/+$/, ""))
      .optional(),
  ),
  S3_REGION: optional,
  S3_ACCESS_KEY_ID: optional,
  S3_SECRET_ACCESS_KEY: optional,
  S3_FORCE_PATH_STYLE: z.preprocess(
    emptyToUndefined,
    z.enum(["true", "false", "1", "0"], { error: "S3_FORCE_PATH_STYLE must be true or false" }).optional(),
  ),
};

type RawMedia = { [K in keyof typeof MediaEnvShape]?: z.output<(typeof MediaEnvShape)[K]> };

// Bucket names as S3 allows them (lower case, digits, dots, hyphens); prefix segments as storage keys.
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const PREFIX_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
const MEDIA_URL_HELP = "MEDIA_URL must be s3://bucket or s3://bucket/prefix (or unset to use MEDIA_DIR)";

/** Null after adding an issue to `ctx`. */
export function toMediaConfig(raw: RawMedia, ctx: z.RefinementCtx): MediaConfig | null {
  if (raw.MEDIA_URL === undefined) {
    // A folder named at run time, never a build input: the ignore keeps Turbopack from tracing the
    // whole project into the server output because of it.
    return { kind: "local", dir: path.resolve(/*turbopackIgnore: true*/ raw.MEDIA_DIR ?? "data/media") };
  }
  const issue = (variable: string, message: string) => {
    ctx.addIssue({ code: "custom", path: [variable], message });
    return null;
  };
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(raw.MEDIA_URL);
  const bucket = match?.[1] ?? "";
  const prefix = (match?.[2] ?? "").replace(/\/+$/, "");
  if (!match || !BUCKET.test(bucket)) return issue("MEDIA_URL", MEDIA_URL_HELP);
  if (prefix !== "" && !prefix.split("/").every((part) => PREFIX_SEGMENT.test(part)))
    return issue(
      "MEDIA_URL",
      `${MEDIA_URL_HELP}; the prefix takes letters, digits and . _ - between slashes`,
    );
  if (raw.MEDIA_DIR !== undefined)
    return issue("MEDIA_DIR", "MEDIA_DIR and MEDIA_URL=s3://… cannot both be set: media go to one place");
  const hasId = raw.S3_ACCESS_KEY_ID !== undefined;
  const hasSecret = raw.S3_SECRET_ACCESS_KEY !== undefined;
  if (hasId !== hasSecret)
    return issue(
      hasId ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID",
      "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together (set both, or neither to use the AWS default chain)",
    );
  const endpoint = raw.S3_ENDPOINT ?? null;
  return {
    kind: "s3",
    bucket,
    prefix,
    endpoint,
    region: raw.S3_REGION ?? "us-east-1",
    // Self-hosted servers (MinIO, Garage, s3rver) rarely have wildcard DNS for virtual-hosted buckets.
    forcePathStyle: raw.S3_FORCE_PATH_STYLE
      ? raw.S3_FORCE_PATH_STYLE === "true" || raw.S3_FORCE_PATH_STYLE === "1"
      : endpoint !== null,
    credentials:
      hasId && hasSecret
        ? { accessKeyId: raw.S3_ACCESS_KEY_ID!, secretAccessKey: raw.S3_SECRET_ACCESS_KEY! }
        : null,
  };
}
