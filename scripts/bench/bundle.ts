import { gzipSync } from "node:zlib";

/**
 * First-load JS of a page as a browser runs it: every script in its HTML, external and inline (Next's
 * flight data is inline), each gzipped; `nomodule` polyfills are skipped as modern browsers ignore them.
 */
export async function firstLoadJsKb(
  pageUrl: string,
  acceptLanguage = "en",
): Promise<{ kb: number; files: number }> {
  // The language matters: the page carries its catalog's messages in its inline flight data.
  const response = await fetch(pageUrl, { headers: { "accept-language": acceptLanguage } });
  if (!response.ok) throw new Error(`${pageUrl} answered ${response.status}`);
  const html = await response.text();
  let bytes = 0;
  let files = 0;
  for (const [, attributes = "", inline = ""] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bnomodule\b/i.test(attributes)) continue;
    const src = /\bsrc="([^"]+)"/i.exec(attributes)?.[1];
    const code = src ? await (await fetch(new URL(src, pageUrl))).text() : inline;
    if (!code.trim()) continue;
    bytes += gzipSync(code, { level: 9 }).byteLength;
    files += 1;
  }
  return { kb: bytes / 1024, files };
}
