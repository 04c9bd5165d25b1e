import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isPublicAddress } from "./address-rules";

/**
 * Fetches a URL someone outside the studio chose (a creator's keyframe URL), so that it can only reach
 * the public internet: http(s) only, every address the name resolves to is checked at connect time (the
 * checked address is the one connected to, so DNS rebinding cannot swap it), each redirect hop is
 * checked again, and the body is capped in bytes and time. Not for the upstream's own media links,
 * which point at loopback when the simulator is the upstream.
 */

export class UnsafeUrlError extends Error {
  constructor(
    readonly reason: "scheme" | "address" | "redirects" | "too_large" | "timeout" | "network" | "status",
    message: string,
  ) {
    super(message);
    this.name = "UnsafeUrlError";
  }
}

export interface SafeFetchOptions {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects?: number;
  signal?: AbortSignal;
  /** Tests only: an address check to use instead of the public-internet rule. */
  allowAddress?: (address: string) => boolean;
}

export interface SafeFetchResult {
  status: number;
  contentType: string | null;
  body: Buffer;
  url: string;
}

function guardedLookup(allow: (address: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 4);
      const list = addresses as LookupAddress[];
      const refused = list.find((entry) => !allow(entry.address));
      if (refused || list.length === 0) {
        return callback(
          new UnsafeUrlError("address", `${hostname} points at a private or local address`),
          "",
          4,
        );
      }
      if (options.all) return callback(null, list as unknown as string, 4);
      const first = list[0] as LookupAddress;
      return callback(null, first.address, first.family);
    });
  };
}

function checkUrl(raw: string, allow: (address: string) => boolean): URL {
  const url = URL.canParse(raw) ? new URL(raw) : null;
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new UnsafeUrlError("scheme", "Only http(s) URLs can be used");
  }
  if (url.username || url.password) throw new UnsafeUrlError("scheme", "URLs with credentials are refused");
  // An IP literal never goes through lookup, so it is judged here.
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (/^[\d.]+$/.test(host) || host.includes(":")) {
    if (!allow(host)) throw new UnsafeUrlError("address", `${host} is a private or local address`);
  }
  return url;
}

function requestOnce(url: URL, options: SafeFetchOptions, signal: AbortSignal) {
  const allow = options.allowAddress ?? isPublicAddress;
  const client = url.protocol === "https:" ? https : http;
  return new Promise<http.IncomingMessage>((resolve, reject) => {
    const req = client.get(
      url,
      { lookup: guardedLookup(allow), signal, headers: { accept: "image/*", "user-agent": "LumaStudio" } },
      resolve,
    );
    req.on("error", reject);
  });
}

async function readCapped(response: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers["content-length"] ?? "0");
  if (declared > maxBytes) {
    response.destroy();
    throw new UnsafeUrlError("too_large", `larger than ${Math.round(maxBytes / 1_048_576)} MB`);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) {
      response.destroy();
      throw new UnsafeUrlError("too_large", `larger than ${Math.round(maxBytes / 1_048_576)} MB`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function safeFetch(raw: string, options: SafeFetchOptions): Promise<SafeFetchResult> {
  const allow = options.allowAddress ?? isPublicAddress;
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let url = checkUrl(raw, allow);
  for (let hop = 0; ; hop += 1) {
    let response: http.IncomingMessage;
    try {
      response = await requestOnce(url, options, signal);
    } catch (error) {
      if (error instanceof UnsafeUrlError) throw error;
      if (timeout.aborted) throw new UnsafeUrlError("timeout", "took too long to answer");
      throw new UnsafeUrlError("network", "could not be reached");
    }
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (status >= 300 && status < 400 && location) {
      response.resume();
      if (hop >= (options.maxRedirects ?? 3)) throw new UnsafeUrlError("redirects", "redirects too often");
      url = checkUrl(new URL(location, url).toString(), allow);
      continue;
    }
    try {
      const body = await readCapped(response, options.maxBytes);
      return { status, contentType: response.headers["content-type"] ?? null, body, url: url.toString() };
    } catch (error) {
      if (error instanceof UnsafeUrlError) throw error;
      throw new UnsafeUrlError(timeout.aborted ? "timeout" : "network", "stopped answering");
    }
  }
}
