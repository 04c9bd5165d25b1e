/** The screenshots' data, made through the studio's own API (no UI), so the shots survive UI changes. */
import sharp from "sharp";

export interface Clip {
  id: string;
  prompt: string;
}

async function call(url: string, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${url}${path}`, {
    ...init,
    headers: { "content-type": "application/json", ...(init.headers as Record<string, string>) },
  });
}

async function json<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) throw new Error(`${what} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export async function createClip(url: string, prompt: string, aspectRatio: string): Promise<Clip> {
  const body = JSON.stringify({ prompt, aspectRatio });
  const key = `screenshots-${prompt.length}-${Date.now()}-${Math.random()}`;
  const task = await json<{ id: string }>(
    await call(url, "/api/generations", { method: "POST", body, headers: { "idempotency-key": key } }),
    "creating a clip",
  );
  return { id: task.id, prompt };
}

export async function extendClip(url: string, parent: Clip, prompt: string): Promise<Clip> {
  const key = `screenshots-extend-${parent.id}-${Date.now()}`;
  const task = await json<{ id: string }>(
    await call(url, `/api/generations/${parent.id}/extend`, {
      method: "POST",
      body: JSON.stringify({ prompt }),
      headers: { "idempotency-key": key },
    }),
    "extending a clip",
  );
  return { id: task.id, prompt };
}

export async function waitReady(url: string, clip: Clip, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const task = await json<{ state: string; video?: unknown }>(
      await call(url, `/api/generations/${clip.id}`),
      "reading a clip",
    );
    if (task.state === "completed" && task.video) return;
    if (task.state === "failed") throw new Error(`the clip "${clip.prompt}" failed`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the clip "${clip.prompt}" did not finish in time`);
}

export async function shareClip(url: string, clip: Clip): Promise<string> {
  const shared = await json<{ url: string }>(
    await call(url, `/api/generations/${clip.id}/share`, { method: "POST", body: "{}" }),
    "sharing a clip",
  );
  return new URL(shared.url, url).href;
}

/** A board holding `clips`, when this build has boards (POST /api/boards); null when it has not. */
export async function makeBoard(url: string, name: string, clips: Clip[]): Promise<string | null> {
  const created = await call(url, "/api/boards", { method: "POST", body: JSON.stringify({ name }) });
  if (created.status === 404 || created.status === 405) return null;
  const board = await json<{ id: string }>(created, "creating a board");
  for (const clip of clips) {
    const added = await call(url, `/api/boards/${board.id}/clips/${encodeURIComponent(clip.id)}`, {
      method: "PUT",
    });
    if (!added.ok)
      console.warn(`  adding a clip to the board answered ${added.status}; the board may look empty`);
  }
  return board.id;
}

/** A keyframe upload: a soft dusk gradient, the way a creator's photo would sit in the start slot. */
export async function uploadKeyframe(url: string): Promise<string> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720"><defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#2b1d5c"/><stop offset=".6" stop-color="#c2577a"/><stop offset="1" stop-color="#f2a65a"/></linearGradient></defs><rect width="1280" height="720" fill="url(#g)"/><circle cx="880" cy="470" r="90" fill="#ffd9a0"/><rect y="560" width="1280" height="160" fill="#1b1433"/></svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  const answer = await json<{ id: string }>(
    await fetch(`${url}/api/uploads`, {
      method: "POST",
      headers: { "content-type": "image/png" },
      body: png,
    }),
    "uploading a keyframe",
  );
  return answer.id;
}
