import "server-only";
import { localeOfRequest } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { translatorFor } from "@/lib/i18n/translate";
import { env } from "../env";
import { shareMediaPath } from "../media/media-route";
import { countView, resolveShare, sharePath } from "./links";
import { renderShareNotFound, renderSharePage } from "./page-html";

const HEADERS = {
  "content-type": "text/html; charset=utf-8",
  // Views are counted and links can be revoked, so no cache may answer for us.
  "cache-control": "private, no-store",
  // The token is the key to the page; never hand it to another site in a Referer.
  "referrer-policy": "same-origin",
  "x-content-type-options": "nosniff",
};

/**
 * Absolute URLs for unfurlers: PUBLIC_BASE_URL when set, else the origin the visitor asked for (its Host
 * header and forwarded scheme; Next reports `localhost` in request.url whatever the visitor typed).
 */
function baseUrl(request: Request): string {
  const configured = env().publicBaseUrl;
  if (configured) return configured;
  const url = new URL(request.url);
  const host = request.headers.get("host");
  const scheme = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const protocol = scheme === "http" || scheme === "https" ? scheme : url.protocol.replace(":", "");
  return `${protocol}://${host && /^[A-Za-z0-9.-]+(:\d+)?$|^\[[0-9a-fA-F:.]+\](:\d+)?$/.test(host) ? host : url.host}`;
}

// The same link answers in the visitor's language.
const vary = "accept-language, cookie";

export async function answerSharePage(token: string, request: Request): Promise<Response> {
  // Translated here, on the server: the page carries no script, so no client i18n either.
  const locale = localeOfRequest(request.headers);
  const t = translatorFor(locale, await loadMessages(locale));
  const shared = await resolveShare(token);
  if (!shared)
    return new Response(renderShareNotFound(locale, t), { status: 404, headers: { ...HEADERS, vary } });
  const { link, task } = shared;
  if (request.method === "GET") await countView(link.token);
  const base = baseUrl(request);
  const video = `${base}${shareMediaPath(link.token, "video.mp4")}`;
  // An image's picture is kept where a clip's poster is.
  const picture = `${base}${shareMediaPath(link.token, "poster.jpg")}`;
  const image = task.kind === "image";
  const [w, h] = (task.aspectRatio ?? "").split(":").map(Number);
  const html = renderSharePage(
    {
      locale,
      pageUrl: `${base}${sharePath(link.token)}`,
      videoUrl: video,
      imageUrl: image ? picture : null,
      ratio: w && h ? w / h : null,
      posterUrl:
        task.thumbnailKey || task.thumbnailUrl ? `${base}${shareMediaPath(link.token, "poster.jpg")}` : null,
      downloadUrl: `${image ? picture : video}?download=1`,
      prompt: link.showPrompt ? task.prompt : null,
      durationSeconds: task.durationSeconds,
      width: task.width,
      height: task.height,
      loop: task.loop,
    },
    t,
  );
  return new Response(request.method === "HEAD" ? null : html, {
    status: 200,
    headers: { ...HEADERS, vary },
  });
}
