import "server-only";
import { randomBytes } from "node:crypto";

/**
 * Share tokens: 144 random bits from the OS's CSPRNG, URL-safe base64 (24 characters). They are not
 * derived from a task id or anything else, so one token says nothing about another clip.
 */
export const SHARE_TOKEN_BYTES = 18;
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{24}$/;

export function newShareToken(): string {
  return randomBytes(SHARE_TOKEN_BYTES).toString("base64url");
}

/** Cheap shape check before a database look-up; a malformed token is treated exactly like an unknown one. */
export function looksLikeShareToken(value: string): boolean {
  return SHARE_TOKEN_PATTERN.test(value);
}
