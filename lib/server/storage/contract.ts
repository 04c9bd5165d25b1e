import { expect, it } from "vitest";
import { type MediaStorage, RangeNotSatisfiableError, StorageLimitError } from "./types";

/** What every MediaStorage must do, run against the local folder and against an S3-compatible bucket. */

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

export function storageContract(subject: () => MediaStorage, listKeys: () => Promise<string[]>): void {
  let storage: MediaStorage;
  const setup = () => {
    storage = subject();
  };
  it("stores bytes and reports their size and checksum", async () => {
    setup();
    const stored = await storage.put("videos/a.mp4", new TextEncoder().encode("hello world"));
    expect(stored.size).toBe(11);
    expect(stored.sha256).toBe("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9");
    expect((await storage.stat("videos/a.mp4"))?.size).toBe(11);
  });

  it("accepts a web stream and an async iterable", async () => {
    setup();
    const stream = new Response("streamed").body!;
    await storage.put("s.bin", stream);
    async function* parts() {
      yield new TextEncoder().encode("ab");
      yield new TextEncoder().encode("cd");
    }
    await storage.put("i.bin", parts());
    expect(await text((await storage.read("s.bin"))!.body)).toBe("streamed");
    expect(await text((await storage.read("i.bin"))!.body)).toBe("abcd");
  });

  it("reads an inclusive byte range", async () => {
    setup();
    await storage.put("r.txt", new TextEncoder().encode("0123456789"));
    const middle = await storage.read("r.txt", { start: 2, end: 5 });
    expect(middle?.range).toEqual({ start: 2, end: 5 });
    expect(middle?.size).toBe(10);
    expect(await text(middle!.body)).toBe("2345");
  });

  it("reads an open-ended range to the end and clamps a range past it", async () => {
    setup();
    await storage.put("r.txt", new TextEncoder().encode("0123456789"));
    expect(await text((await storage.read("r.txt", { start: 7 }))!.body)).toBe("789");
    const clamped = await storage.read("r.txt", { start: 8, end: 100 });
    expect(clamped?.range).toEqual({ start: 8, end: 9 });
    expect(await text(clamped!.body)).toBe("89");
  });

  it("refuses a range that starts past the end", async () => {
    setup();
    await storage.put("r.txt", new TextEncoder().encode("0123"));
    await expect(storage.read("r.txt", { start: 4 })).rejects.toBeInstanceOf(RangeNotSatisfiableError);
  });

  it("answers null for a missing object", async () => {
    setup();
    expect(await storage.stat("nope.mp4")).toBeNull();
    expect(await storage.read("nope.mp4")).toBeNull();
  });

  it("stores nothing when the byte limit is passed", async () => {
    setup();
    await expect(storage.put("big.bin", new Uint8Array(2048), { maxBytes: 1024 })).rejects.toBeInstanceOf(
      StorageLimitError,
    );
    expect(await storage.stat("big.bin")).toBeNull();
    expect(await listKeys()).toEqual([]);
  });

  it("replaces an object atomically and deletes it", async () => {
    setup();
    await storage.put("x.txt", new TextEncoder().encode("one"));
    await storage.put("x.txt", new TextEncoder().encode("two!"));
    expect(await text((await storage.read("x.txt"))!.body)).toBe("two!");
    await storage.delete("x.txt");
    expect(await storage.stat("x.txt")).toBeNull();
    await storage.delete("x.txt");
  });

  it("refuses keys that could escape the media folder", async () => {
    setup();
    for (const key of ["../etc/passwd", "/abs.mp4", "a/../../b", "a\\b", "", "a//b"]) {
      await expect(storage.put(key, new Uint8Array(1))).rejects.toThrow(/Invalid storage key/);
    }
  });
}
