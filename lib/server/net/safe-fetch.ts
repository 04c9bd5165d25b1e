import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction, Socket } from "node:net";
import { isPublicAddress } from "./address-rules";

/**
 * The one way the studio's server fetches a URL someone outside chose: a creator's keyframe URL, and
 * every link an upstream answer or a webhook names (media to copy, a last frame). Only http(s); every
 * address a name resolves to is checked at connect time, and the connected socket's address once more
 * (so DNS rebinding between check and connect cannot swap it); each redirect hop is checked again; the
 * body is capped in bytes and the whole transfer in time. A private or loopback address is reachable
 * only under one of `trusted` (the configured upstream's own origin: the mounted or a standalone
 * simulator), never on another host or port. Each request gets its own connection, so a pooled socket
 * can never carry a request its address was not checked for.
 */

export class UnsafeUrlError extends Error {
  constructor(
    readonly reason: "scheme" | "address" | "redirects" | "too_large" | "timeout" | "network",
    message: string,
  ) {
    super(message);
    this.name = "UnsafeUrlError";
  }
}

export interface SafeFetchOptions {
  maxBytes: number;
  /** Deadline for the whole transfer, body included. */
  timeoutMs: number;
  maxRedirects?: number;
  signal?: AbortSignal;
  accept?: string;
  /** Headers for one hop (e.g. the built-in simulator's bearer for its own links); not repeated elsewhere. */
  headersFor?: (url: string) => Record<string, string>;
  /** URL prefixes (origin + path, from upstreamPrefixes()) that may resolve to a private address. */
  trusted?: readonly string[];
  /** Tests only: an address check to use instead of the public-internet rule. */
  allowAddress?: (address: string) => boolean;
}

export interface GuardedResponse {
  status: number;
  contentType: string | null;
  /** The final URL after redirects. */
  url: string;
  /** Errors with UnsafeUrlError "too_large" past maxBytes, "timeout" past the deadline. */
  body: ReadableStream<Uint8Array>;
}

export interface SafeFetchResult {
  status: number;
  contentType: string | null;
  body: Buffer;
  url: string;
}

const MB = 1_048_576;
const tooLarge = (maxBytes: number) =>
  new UnsafeUrlError("too_large", `larger than ${Math.round((maxBytes / MB) * 10) / 10} MB`);

type Allow = (address: string) => boolean;

function ruleFor(url: URL, options: SafeFetchOptions): Allow {
  if (options.allowAddress) return options.allowAddress;
  if (options.trusted?.some((prefix) => url.href.startsWith(prefix))) return () => true;
  return isPublicAddress;
}

function guardedLookup(allow: Allow): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 4);
      const list = addresses as LookupAddress[];
      if (list.length === 0 || list.some((entry) => !allow(entry.address))) {
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

function checkUrl(raw: string, options: SafeFetchOptions): URL {
  const url = URL.canParse(raw) ? new URL(raw) : null;
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new UnsafeUrlError("scheme", "Only http(s) URLs can be used");
  }
  if (url.username || url.password) throw new UnsafeUrlError("scheme", "URLs with credentials are refused");
  // An IP literal never goes through lookup, so it is judged here (the URL parser has already turned
  // 2130706433, 0x7f.1 and friends into dotted IPv4).
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (/^[\d.]+$/.test(host) || host.includes(":")) {
    if (!ruleFor(url, options)(host))
      throw new UnsafeUrlError("address", `${host} is a private or local address`);
  }
  return url;
}

function requestOnce(url: URL, options: SafeFetchOptions, signal: AbortSignal) {
  const allow = ruleFor(url, options);
  const client = url.protocol === "https:" ? https : http;
  const headers = {
    accept: options.accept ?? "*/*",
    "user-agent": "LumaStudio",
    ...options.headersFor?.(url.href),
  };
  return new Promise<http.IncomingMessage>((resolve, reject) => {
    const req = client.get(url, { lookup: guardedLookup(allow), agent: false, signal, headers }, resolve);
    req.on("socket", (socket: Socket) => {
      // Runs before anything is written: the address actually connected to, whatever resolved it.
      socket.prependOnceListener("connect", () => {
        const address = socket.remoteAddress ?? "";
        if (!allow(address)) {
          req.destroy(
            new UnsafeUrlError("address", `${url.hostname} connected to a private or local address`),
          );
        }
      });
    });
    req.on("error", reject);
  });
}

function meteredBody(response: http.IncomingMessage, maxBytes: number, signal: AbortSignal) {
  let total = 0;
  const chunks = response[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = (await chunks.next()) as IteratorResult<Buffer>;
        if (done) return controller.close();
        total += value.byteLength;
        if (total > maxBytes) {
          response.destroy();
          return controller.error(tooLarge(maxBytes));
        }
        controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      } catch {
        controller.error(
          signal.aborted
            ? new UnsafeUrlError("timeout", "took too long to answer")
            : new UnsafeUrlError("network", "stopped answering"),
        );
      }
    },
    cancel: () => void response.destroy(),
  });
}

/** Fetches with every rule above; the body streams under the same deadline and byte limit. */
export async function guardedFetch(raw: string, options: SafeFetchOptions): Promise<GuardedResponse> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  let url = checkUrl(raw, options);
  for (let hop = 0; ; hop += 1) {
    let response: http.IncomingMessage;
    try {
      response = await requestOnce(url, options, signal);
    } catch (error) {
      if (error instanceof UnsafeUrlError) throw error;
      if (deadline.aborted) throw new UnsafeUrlError("timeout", "took too long to answer");
      throw new UnsafeUrlError("network", "could not be reached");
    }
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (status >= 300 && status < 400 && location) {
      response.destroy();
      if (hop >= (options.maxRedirects ?? 5)) throw new UnsafeUrlError("redirects", "redirects too often");
      url = checkUrl(new URL(location, url).toString(), options);
      continue;
    }
    const declared = Number(response.headers["content-length"] ?? Number.NaN);
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      response.destroy();
      throw tooLarge(options.maxBytes);
    }
    return {
      status,
      contentType: response.headers["content-type"] ?? null,
      url: url.toString(),
      body: meteredBody(response, options.maxBytes, signal),
    };
  }
}

/** guardedFetch with the whole body read into memory (keyframes, last frames: a few MB at most). */
export async function safeFetch(raw: string, options: SafeFetchOptions): Promise<SafeFetchResult> {
  const answer = await guardedFetch(raw, options);
  const chunks: Uint8Array[] = [];
  const reader = answer.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof UnsafeUrlError) throw error;
    throw new UnsafeUrlError("network", "stopped answering");
  }
  return {
    status: answer.status,
    contentType: answer.contentType,
    url: answer.url,
    body: Buffer.concat(chunks),
  };
}
