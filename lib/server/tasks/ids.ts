import "server-only";
import { randomBytes } from "node:crypto";

/** 128 random bits, URL-safe: ids and tokens that cannot be guessed or derived from each other. */
export function randomToken(bytes = 16): string {
  return randomBytes(bytes).toString("base64url");
}

export function newTaskId(): string {
  return `t_${randomToken()}`;
}

export function newUploadId(): string {
  return `u_${randomToken()}`;
}
