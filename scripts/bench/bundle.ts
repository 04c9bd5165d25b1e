import { gzipSync } from "node:zlib";

/** First-load JS of a page as a browser gets it: every script the HTML references, gzipped and summed. */
export async function firstLoadJsKb(pageUrl: string): Promise<{ kb: number; files: number }> {
  const response = await fetch(pageUrl);
  if (!response.ok) throw new Error(`${pageUrl} answered ${response.status}`);
  const html = await response.text();
  const sources = new Set<string>();
  for (const match of html.matchAll(/<script[^>]+src="([^"]+)"/g)) sources.add(match[1]!);
  for (const match of html.matchAll(/<link[^>]+rel="preload"[^>]+as="script"[^>]+href="([^"]+)"/g))
    sources.add(match[1]!);
  let bytes = 0;
  for (const source of sources) {
    const script = await fetch(new URL(source, pageUrl));
    bytes += gzipSync(Buffer.from(await script.arrayBuffer()), { level: 9 }).byteLength;
  }
  return { kb: bytes / 1024, files: sources.size };
}
