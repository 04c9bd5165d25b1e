import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPublicAddress } from "./address-rules";
import { type SafeFetchOptions, safeFetch, UnsafeUrlError } from "./safe-fetch";

// 1×1 PNG signature plus filler: the guard only moves bytes, it does not decode them.
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);

let server: http.Server;
let base: string;
const hung: http.ServerResponse[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/image.png") return res.writeHead(200, { "content-type": "image/png" }).end(PNG);
    if (url.pathname === "/to")
      return res.writeHead(302, { location: url.searchParams.get("url") ?? "/" }).end();
    if (url.pathname === "/big") {
      res.writeHead(200, { "content-type": "image/png" });
      res.write(Buffer.alloc(600_000));
      return res.end(Buffer.alloc(600_000));
    }
    if (url.pathname === "/hang") return void hung.push(res);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of hung) res.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const limits = { maxBytes: 1_000_000, timeoutMs: 2_000 };
// The local test server stands in for a public host: only its exact address is let through.
const onlyTestServer = { ...limits, allowAddress: (address: string) => address === "127.0.0.1" };

async function refusal(url: string, options: SafeFetchOptions = limits): Promise<UnsafeUrlError> {
  const error = await safeFetch(url, options).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UnsafeUrlError);
  return error as UnsafeUrlError;
}

describe("safeFetch refuses what a creator's URL must not reach", () => {
  it.each([
    ["loopback IPv4", () => `${base}/image.png`],
    ["private 10.x", () => "http://10.1.2.3/image.png"],
    ["private 192.168.x", () => "http://192.168.1.10/image.png"],
    ["cloud metadata", () => "http://169.254.169.254/latest/meta-data/"],
    ["CGNAT", () => "http://100.64.0.1/image.png"],
    ["IPv6 loopback", () => `http://[::1]:${new URL(base).port}/image.png`],
    ["IPv4-mapped IPv6 loopback", () => `http://[::ffff:127.0.0.1]:${new URL(base).port}/image.png`],
    ["IPv6 unique-local", () => "http://[fd00::1]/image.png"],
    ["a name that resolves to loopback", () => `http://localhost:${new URL(base).port}/image.png`],
    ["0.0.0.0", () => `http://0.0.0.0:${new URL(base).port}/image.png`],
  ])("%s", async (_name, url) => {
    expect((await refusal(url())).reason).toBe("address");
  });

  it("refuses schemes other than http(s), and credentials in the URL", async () => {
    expect((await refusal("file:///etc/passwd")).reason).toBe("scheme");
    expect((await refusal("ftp://example.com/a.png")).reason).toBe("scheme");
    expect((await refusal("http://user:pw@example.com/a.png")).reason).toBe("scheme");
  });

  it("fetches an allowed address, and checks every redirect hop again", async () => {
    const ok = await safeFetch(`${base}/image.png`, onlyTestServer);
    expect(ok.status).toBe(200);
    expect(ok.body.equals(PNG)).toBe(true);

    const followed = await safeFetch(`${base}/to?url=/image.png`, onlyTestServer);
    expect(followed.body.equals(PNG)).toBe(true);

    const port = new URL(base).port;
    for (const target of [
      "http://169.254.169.254/latest/meta-data/",
      `http://[::1]:${port}/image.png`,
      "http://[::ffff:10.0.0.1]/",
      "http://10.0.0.1/",
    ]) {
      const error = await refusal(`${base}/to?url=${encodeURIComponent(target)}`, onlyTestServer);
      expect(error.reason, target).toBe("address");
    }
  });

  it("stops at the size limit (declared or streamed) and at the deadline", async () => {
    expect((await refusal(`${base}/big`, { ...onlyTestServer, maxBytes: 500_000 })).reason).toBe("too_large");
    const started = Date.now();
    expect((await refusal(`${base}/hang`, { ...onlyTestServer, timeoutMs: 300 })).reason).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("lets a private address through only under a trusted prefix: same scheme, host and port", async () => {
    const trusted = { ...limits, trusted: [`${base}/`] };
    expect((await safeFetch(`${base}/image.png`, trusted)).body.equals(PNG)).toBe(true);
    const port = Number(new URL(base).port);
    for (const url of [
      `http://127.0.0.1:${port + 1}/image.png`,
      `http://localhost:${port}/image.png`,
      `http://[::ffff:127.0.0.1]:${port}/image.png`,
      `${base}/to?url=${encodeURIComponent(`http://127.0.0.1:${port + 1}/image.png`)}`,
      `${base}/to?url=${encodeURIComponent(`http://localhost:${port}/image.png`)}`,
    ]) {
      expect((await refusal(url, trusted)).reason, url).toBe("address");
    }
  });

  it("checks the connected address, not only the name's answer", async () => {
    // A name that resolves to a public address for the check but connects elsewhere cannot exist with
    // the guard's own lookup; a rule that refuses the connected address proves the socket is judged.
    const seen: string[] = [];
    const error = await refusal(`${base}/image.png`, {
      ...limits,
      allowAddress: (address) => {
        seen.push(address);
        return seen.length === 1; // the URL check passes, the connected socket does not
      },
    });
    expect(error.reason).toBe("address");
    expect(seen).toEqual(["127.0.0.1", "127.0.0.1"]);
  });

  it("gives up after too many redirects", async () => {
    let url = `${base}/image.png`;
    for (let i = 0; i < 7; i += 1) url = `${base}/to?url=${encodeURIComponent(url)}`;
    expect((await refusal(url, onlyTestServer)).reason).toBe("redirects");
  });
});

describe("isPublicAddress", () => {
  it.each([
    ["8.8.8.8", true],
    ["1.1.1.1", true],
    ["2606:4700:4700::1111", true],
    ["127.0.0.1", false],
    ["127.8.9.10", false],
    ["10.255.0.1", false],
    ["172.16.0.1", false],
    ["172.31.255.255", false],
    ["172.32.0.1", true],
    ["192.168.0.1", false],
    ["169.254.169.254", false],
    ["100.64.0.1", false],
    ["100.127.255.254", false],
    ["0.0.0.0", false],
    ["::", false],
    ["::1", false],
    ["::ffff:127.0.0.1", false],
    ["::ffff:7f00:1", false],
    ["::ffff:8.8.8.8", true],
    ["fe80::1", false],
    ["fd00:ec2::254", false],
    ["224.0.0.1", false],
    ["not-an-ip", false],
    // IPv6 forms that carry an IPv4 address are judged by it.
    ["::127.0.0.1", false],
    ["::8.8.8.8", true],
    ["::ffff:0:127.0.0.1", false],
    ["64:ff9b::7f00:1", false],
    ["64:ff9b::a9fe:a9fe", false],
    ["64:ff9b::808:808", true],
    ["64:ff9b:1::808:808", false],
    ["2002:7f00:1::", false],
    ["2002:a9fe:a9fe::1", false],
    ["2002:808:808::1", true],
    // Teredo: server 65.54.227.120 (public), client 127.0.0.1 obfuscated (ff ^ 7f.0.0.1).
    ["2001:0:4136:e378:8000:63bf:80ff:fffe", false],
    ["2001:0:4136:e378:8000:63bf:f7f7:f7f7", true],
    ["2001:0:a00:1:8000:63bf:f7f7:f7f7", false],
    ["2001:db8::1", false],
  ])("%s → %s", (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});
