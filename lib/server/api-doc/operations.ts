import "server-only";
import { z } from "zod";
import { AccountImportSchema } from "@/lib/shared/account-import";
import { BalanceAnswerSchema } from "@/lib/shared/balance";
import { BoardListSchema, BoardSchema } from "@/lib/shared/board";
import { FamilySchema } from "@/lib/shared/family";
import { ShareInfoSchema, TaskChangesSchema, TaskPageSchema, TaskSchema } from "@/lib/shared/task";
import { BINARY, type Operation, type OperationKey } from "./operation";
import {
  HealthSchema,
  HookAnswerSchema,
  KeyframeCheckSchema,
  OpenApiDocumentSchema,
  UploadSchema,
} from "./schemas";

/**
 * Every route of the studio's API, as the OpenAPI document shows it. The test beside it fails when a
 * route file exports a method that is not here, or when this lists a method no route exports.
 */

const task = (description: string) => ({ description, content: TaskSchema });
const error = (description: string) => ({ description });
const media = {
  200: { description: "The file", content: { "*/*": BINARY } },
  206: { description: "The requested `Range` of the file", content: { "*/*": BINARY } },
  302: { description: "Share media not copied yet: the provider's own link" },
  304: { description: "Unchanged since `If-None-Match`" },
  404: error("No such file, or not yours to see (a revoked share answers like one that never existed)"),
  416: error("A `Range` outside the file"),
};
const download = {
  200: { description: "The video as an attachment named after its prompt", content: { "video/mp4": BINARY } },
  206: { description: "The requested `Range` of the video", content: { "video/mp4": BINARY } },
  404: error("No clip with that id"),
  409: error("The clip is not finished"),
  416: error("A `Range` outside the file"),
  503: error("The video cannot be fetched from the upstream yet"),
};
const submitted = {
  201: task("The new task"),
  200: task("The task a first request with the same `Idempotency-Key` made; the upstream is called once"),
  502: error("The upstream refused; `message` is its own reason and `taskId` the failed task kept"),
  503: error("The upstream did not confirm; the task is kept as failed with `upstream_unconfirmed`"),
};
const simulator: Operation = {
  summary: "The built-in simulator's relay and official formats, media and control (simulator mode only)",
  tag: "simulator",
  ownParams: z.object({ path: z.array(z.string()).min(1) }),
  responses: {
    200: { description: "The simulator's own answer (docs/simulator.md)", content: { "*/*": BINARY } },
    401: error("Neither the simulator's bearer token nor a studio session"),
    404: error("A real provider is configured"),
  },
};

export const OPERATIONS: Record<OperationKey, Operation> = {
  "GET /api/health": {
    summary: "Whether the studio and its database answer, the provider in use and the version",
    tag: "system",
    responses: {
      200: { description: "Everything answers", content: HealthSchema },
      503: { description: "`status: degraded`: the database does not answer", content: HealthSchema },
    },
  },
  "GET /api/account/balance": {
    summary: "What the upstream account behind the studio's token has left, when the upstream says",
    description:
      "Read from Luma's `/credits` (official), else the relay's `/api/usage/token`, else its OpenAI billing " +
      "pair; `balance` is null when none of them answers. Kept for 20 s, and read again after each create, " +
      "extend or continue the upstream accepted.",
    tag: "system",
    responses: { 200: { description: "The balance, or `{balance: null}`", content: BalanceAnswerSchema } },
  },
  "GET /api/concepts": {
    summary: "Camera motions a create can ask for in `concepts` (Dream Machine API)",
    description:
      "The upstream's own list (`GET /generations/concepts/list`), kept for an hour (a failure for 30 s). `concepts` is empty where the provider has none (relays); `available: false` when the upstream could not say, and then a create's keys are checked by the upstream alone.",
    tag: "generations",
    responses: {
      200: {
        description: "The keys",
        content: z.object({ concepts: z.array(z.string()), available: z.boolean() }),
      },
    },
  },
  "GET /api/openapi.json": {
    summary: "This document",
    tag: "system",
    responses: { 200: { description: "The OpenAPI 3.1 document", content: OpenApiDocumentSchema } },
  },
  "POST /api/session": {
    summary: "Sign in with the studio passcode",
    tag: "session",
    responses: {
      204: {
        description: "Signed in (nothing is set when no passcode is configured)",
        headers: { "set-cookie": "`luma_session`: HttpOnly, SameSite=Lax, Secure behind HTTPS, 30 days" },
      },
      401: error("Wrong passcode; `fields.passcode` says so"),
      429: error("Too many wrong passcodes; `retryAfterSeconds` says when to try again"),
    },
  },
  "DELETE /api/session": {
    summary: "Sign out",
    tag: "session",
    responses: { 204: { description: "Signed out: the session cookie is cleared" } },
  },
  "POST /api/uploads": {
    summary: "Upload a keyframe image (re-encoded upright, without metadata)",
    tag: "media",
    rawBody: {
      description:
        "The image as the raw body, or as the `file` field of a form; the type is read from its bytes",
      content: {
        "image/png": BINARY,
        "image/jpeg": BINARY,
        "image/webp": BINARY,
        "multipart/form-data": { type: "object", properties: { file: BINARY }, required: ["file"] },
      },
    },
    responses: {
      201: { description: "The stored upload", content: UploadSchema },
      400: error("Over 8192 px a side or 40 megapixels, under 64 px a side, or unreadable"),
      413: error("Over 20 MB"),
      415: error("Not PNG, JPEG or WebP"),
    },
  },
  "GET /api/uploads/{id}": {
    summary: "A stored keyframe upload, as its upload answered",
    tag: "media",
    responses: {
      200: { description: "The stored upload", content: UploadSchema },
      404: error("No upload with that id"),
    },
  },
  "POST /api/keyframes/check": {
    summary: "Check a keyframe image URL as it is entered: fetched through the same guard as a submit",
    tag: "media",
    responses: {
      200: { description: "The image's size and type, with a small preview", content: KeyframeCheckSchema },
      400: error(
        "`fields.url`: not an http(s) URL, unreachable, a private or local address, not HTTP 200, over 20 MB, or not a usable image",
      ),
      429: error("More than 30 checks in the last minute from this client; `retryAfterSeconds` says when"),
    },
  },
  "GET /api/generations": {
    summary:
      "The gallery: tasks newest first, filtered (state, prompt, `favourite`, `board`), a page at a time",
    tag: "generations",
    responses: {
      200: { description: "A page of tasks", content: TaskPageSchema },
      404: error("`board` names no board"),
    },
  },
  "POST /api/generations": {
    summary: "Create a clip: the task is recorded, then sent upstream",
    tag: "generations",
    idempotencyKey: true,
    responses: submitted,
  },
  "POST /api/images": {
    summary: "Create an image from text (Photon, Dream Machine API), to use as a keyframe",
    description:
      "A task of `kind: image`, followed like a clip (watcher, webhooks, copy to storage); once finished its `image` holds the stored picture. `model` is `photon-1` (default) or `photon-flash-1`, `aspectRatio` one of the provider's (default 16:9), `format` `jpg` (default) or `png`. Optional references, each an upload id or an http(s) URL like a keyframe: `imageRefs` (up to 4, content to draw on), `styleRef` (one, a look to take) and `characterRefs` (up to 4 photos of one person). A relay makes no images: 400 naming `prompt`.",
    tag: "generations",
    idempotencyKey: true,
    responses: submitted,
  },
  "POST /api/generations/{id}/keyframe": {
    summary: "Use a finished image as a keyframe: its stored picture, byte for byte, as an upload",
    description:
      "Answers like `POST /api/uploads`; pass `{uploadId}` as a clip's `startFrame` or `endFrame`. A picture not copied to storage yet is copied first, so what the upstream later receives is exactly the stored file.",
    tag: "media",
    responses: {
      201: { description: "The upload made from the image", content: UploadSchema },
      404: error("No task with that id"),
      409: error("Not an image, or not finished"),
      502: error("The picture could not be fetched from the upstream"),
    },
  },
  "POST /api/account/import": {
    summary: "Import from my Luma account: finished clips made elsewhere come into the gallery",
    description:
      "Pages through the provider's listing of the account's generations (newest first, at most 20 pages of 100 per run) and adds each completed one with a video that the studio does not hold yet as a finished clip, whose media are then copied to storage like any other. Failed and still-running generations are skipped. Running it again imports nothing twice. `complete: false` means the run stopped before the listing's end (the page limit, or the upstream stopped answering): import again for the rest. Counts against the submit rate limit.",
    tag: "generations",
    responses: {
      200: { description: "What this run brought in", content: AccountImportSchema },
      409: error("The provider offers no listing of an account's clips (relays): nothing to import"),
      502: error("The upstream refused the listing (its own words in `upstream`), or the API token"),
      503: error("The upstream did not answer the first page"),
    },
  },
  "GET /api/generations/changes": {
    summary: "The gallery's live feed: what changed since the cursor, and everything still running",
    description:
      "`deletedIds` names the tasks deleted since the cursor (a Delete, or a failed clip a Retry replaced): take them out of every list. Deletions are remembered for a day; an older cursor answers `truncated: true` (reload the lists).",
    tag: "generations",
    responses: { 200: { description: "The changes", content: TaskChangesSchema } },
  },
  "GET /api/generations/{id}": {
    summary: "One task",
    tag: "generations",
    responses: { 200: task("The task"), 404: error("No task with that id") },
  },
  "DELETE /api/generations/{id}": {
    summary: "Delete a task, its share links and its stored media",
    tag: "generations",
    responses: { 204: { description: "Deleted" }, 404: error("No task with that id") },
  },
  "POST /api/generations/{id}/extend": {
    summary:
      "Extend a finished clip upstream with a new segment after it (or, `direction: backward`, before it)",
    tag: "generations",
    idempotencyKey: true,
    responses: {
      ...submitted,
      404: error("No clip with that id"),
      409: error("The clip is still rendering or failed"),
      502: error("The upstream refused; `suggestion: continue_from_last_frame` when it forgot the clip"),
    },
  },
  "POST /api/generations/{id}/upscale": {
    summary: "A new clip: this finished clip upscaled to a higher resolution (Dream Machine API)",
    description:
      "Offered only to resolutions above the clip's own among the provider's (`1080p`, `4k`); the new task's `kind` is `upscale`, its `parentId` the clip and `edit` says what was asked.",
    tag: "generations",
    idempotencyKey: true,
    responses: {
      ...submitted,
      400: error("`resolution` is not one above the clip's own"),
      404: error("No clip with that id"),
      409: error("The clip is not finished, or this provider offers no upscale"),
    },
  },
  "POST /api/generations/{id}/audio": {
    summary: "A new clip: this finished clip with a generated soundtrack (Dream Machine API)",
    description:
      "`prompt` describes the sound, `negativePrompt` what to leave out; both optional. The new task's `kind` is `audio`.",
    tag: "generations",
    idempotencyKey: true,
    responses: {
      ...submitted,
      404: error("No clip with that id"),
      409: error("The clip is not finished, or this provider offers no audio"),
    },
  },
  "POST /api/generations/{id}/modify": {
    summary: "A new clip: this finished clip restyled by a prompt (Dream Machine API)",
    description:
      "`mode` runs from `adhere_1` (closest to the original) through `flex_*` to `reimagine_3`; an optional `firstFrame` (upload id or URL) sets the restyled first frame. The upstream fetches the clip's own video; it refuses sources over 10 s. The new task's `kind` is `modify`.",
    tag: "generations",
    idempotencyKey: true,
    responses: {
      ...submitted,
      404: error("No clip with that id"),
      409: error("The clip is not finished, or this provider offers no modify"),
    },
  },
  "POST /api/generations/{id}/reframe": {
    summary:
      "A new clip: this finished clip in another aspect ratio, outpainted around it (Dream Machine API)",
    description:
      "Body `{aspectRatio, prompt?, placement?}`: the new ratio (one of the provider's, not the clip's own), what lies around it, and where the clip sits on the new canvas as shares of its width and height (`{x, y, width, height}`; unset = fitted and centred). The studio sends it as pixel bounds (`x_start…y_end`) on a canvas that keeps the clip's short side. The new task's `kind` is `reframe` and its `aspectRatio` the new one.",
    tag: "generations",
    idempotencyKey: true,
    responses: {
      ...submitted,
      400: error("`aspectRatio` is the clip's own or not offered, or `placement` is out of range"),
      404: error("No clip with that id"),
      409: error("The clip is not finished, or this provider offers no reframe"),
    },
  },
  "POST /api/generations/{id}/interpolate": {
    summary:
      "A new clip bridging this finished clip's last frame to another clip's first (Dream Machine API)",
    description:
      "Body `{toId, prompt}`: the clip the bridge leads to (finished, made by the same provider) and what happens on the way. The new task's `kind` is `bridge`, its `parentId` this clip and `edit.toId` the other.",
    tag: "generations",
    idempotencyKey: true,
    responses: {
      ...submitted,
      400: error("`toId` is this clip itself, or `prompt` is empty or too long"),
      404: error("No clip with either id"),
      409: error("A clip is not finished or not this provider's, or the provider offers no interpolation"),
    },
  },
  "POST /api/generations/{id}/continue": {
    summary: "A new clip that starts from this clip's last frame",
    tag: "generations",
    idempotencyKey: true,
    responses: {
      ...submitted,
      404: error("No clip with that id"),
      409: error("The clip is not finished"),
      502: error("The upstream refused, or its last frame could not be fetched"),
    },
  },
  "POST /api/generations/{id}/retry": {
    summary: "Retry a failed clip: the same request as a new clip, which takes the failed one's place",
    description:
      "The new clip is recorded and the failed one deleted in one transaction, so a gallery never lists both; the new clip keeps the failed one's parent, its star and its boards. The body is an empty object.",
    tag: "generations",
    idempotencyKey: true,
    responses: {
      ...submitted,
      404: error("No clip with that id"),
      409: error("The clip did not fail, or it is an extension (extend the original again instead)"),
    },
  },
  "GET /api/generations/{id}/family": {
    summary: "The clip's original and everything extended or continued from it",
    tag: "generations",
    responses: {
      200: { description: "The family", content: FamilySchema },
      404: error("No clip with that id"),
    },
  },
  "POST /api/generations/{id}/refresh": {
    summary: "Check now: ask the upstream about this task at once",
    tag: "generations",
    responses: { 200: task("The task after the check"), 404: error("No task with that id") },
  },
  "GET /api/generations/{id}/download": {
    summary: "The finished video as a file, from the studio's own copy",
    tag: "media",
    responses: download,
  },
  "HEAD /api/generations/{id}/download": {
    summary: "The download's headers",
    tag: "media",
    responses: download,
  },
  "POST /api/generations/{id}/share": {
    summary: "Share a finished clip (or change whether its live link shows the prompt)",
    tag: "generations",
    responses: {
      201: { description: "A new link", content: ShareInfoSchema },
      200: { description: "The live link, with the new `showPrompt`", content: ShareInfoSchema },
      404: error("No clip with that id"),
      409: error("The clip is not finished"),
    },
  },
  "DELETE /api/generations/{id}/share": {
    summary: "Stop sharing: the link and its media answer 404 from now on",
    tag: "generations",
    responses: { 204: { description: "No live link any more" }, 404: error("No clip with that id") },
  },
  "PUT /api/generations/{id}/favourite": {
    summary: "Star a clip (idempotent)",
    tag: "boards",
    responses: { 200: task("The clip, `favourite: true`"), 404: error("No clip with that id") },
  },
  "DELETE /api/generations/{id}/favourite": {
    summary: "Unstar a clip (idempotent)",
    tag: "boards",
    responses: { 200: task("The clip, `favourite: false`"), 404: error("No clip with that id") },
  },
  "GET /api/boards": {
    summary: "Every board, by name, with its clip count and cover",
    tag: "boards",
    responses: { 200: { description: "The boards", content: BoardListSchema } },
  },
  "POST /api/boards": {
    summary: "Make a board (names are unique whatever their case; at most 200 boards)",
    tag: "boards",
    responses: {
      201: { description: "The new board", content: BoardSchema },
      400: error("`name` empty or over 80 characters once trimmed"),
      409: error("A board with that name exists (`fields.name`), or there are 200 boards (`fields.boards`)"),
    },
  },
  "GET /api/boards/{id}": {
    summary: "One board",
    tag: "boards",
    responses: {
      200: { description: "The board", content: BoardSchema },
      404: error("No board with that id"),
    },
  },
  "PATCH /api/boards/{id}": {
    summary: "Rename a board",
    tag: "boards",
    responses: {
      200: { description: "The renamed board", content: BoardSchema },
      400: error("`name` empty or over 80 characters once trimmed"),
      404: error("No board with that id"),
      409: error("Another board has that name"),
    },
  },
  "DELETE /api/boards/{id}": {
    summary: "Delete a board; its clips stay in the studio",
    tag: "boards",
    responses: { 204: { description: "Deleted" }, 404: error("No board with that id") },
  },
  "PUT /api/boards/{id}/clips/{taskId}": {
    summary: "Put a clip on a board (idempotent)",
    tag: "boards",
    responses: { 200: task("The clip with its new `boardIds`"), 404: error("No such board or clip") },
  },
  "DELETE /api/boards/{id}/clips/{taskId}": {
    summary: "Take a clip off a board (idempotent); the clip stays",
    tag: "boards",
    responses: { 200: task("The clip with its new `boardIds`"), 404: error("No such board or clip") },
  },
  "GET /api/media/{key}": {
    summary: "Stored media: uploads and mirrored clips (studio), share and signed keyframe media (public)",
    tag: "media",
    responses: media,
  },
  "HEAD /api/media/{key}": { summary: "A stored file's headers", tag: "media", responses: media },
  "POST /api/hooks/luma/{token}": {
    summary: "The upstream's webhook; `token` is `{taskId}.{secret}`",
    tag: "system",
    rawBody: { description: "The task as the upstream shows it, in any shape", content: { "*/*": {} } },
    responses: {
      200: { description: "Received", content: HookAnswerSchema },
      404: error("Unknown task or wrong secret (alike)"),
      413: error("Over 1 MB"),
    },
  },
  "GET /api/simulator/{path}": simulator,
  "HEAD /api/simulator/{path}": simulator,
  "POST /api/simulator/{path}": simulator,
  "DELETE /api/simulator/{path}": simulator,
};
