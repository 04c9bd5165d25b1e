import "server-only";
import { type GenerationPage, isLumaError, type ListedGeneration } from "@/lib/luma";
import type { AccountImport } from "@/lib/shared/account-import";
import { type Database, getDb, schema } from "../db";
import type { NewTaskRow } from "../db/schema";
import { AppError } from "../http/errors";
import { JOB_KIND } from "../jobs/kinds";
import { enqueueJob } from "../jobs/runner";
import { log } from "../log";
import { COPY_AFTER_FINISH_MS } from "../media/mirror";
import { onTaskFinished } from "../media/mirroring";
import { provider, providerName } from "../upstream";
import { newTaskId } from "./ids";

/**
 * "Import from my Luma account": the clips and images the creator made elsewhere (on Luma's own site,
 * another tool) come into the gallery. Pages through the provider's listing, newest first, and inserts
 * each finished generation (completed, with its video, or an image with its picture) the studio does not
 * hold yet as a completed task (kind `image` for a still);
 * `tasks_provider_upstream_id_idx` makes a second run (or two at once) import nothing twice. Each new
 * clip gets its copy job in the same transaction, like any clip that finishes, and its media are then
 * copied through the mirror's guarded fetch. Failed and still-running generations are skipped.
 */

export const IMPORT_PAGE_SIZE = 100;
/** At most this many pages per run (2,000 generations); a larger account imports the rest next time. */
export const IMPORT_MAX_PAGES = 20;

type ListPage = (page: { limit: number; offset: number }) => Promise<GenerationPage>;

export interface ImportOptions {
  db: Database;
  list: ListPage;
  /** The `provider` column the studio's own tasks carry, so its own clips count as already here. */
  providerName: string;
  pageSize?: number;
  maxPages?: number;
  /** Called for each clip inserted (starts its copy); after the insert's transaction. */
  onImported?: (taskId: string) => void;
  now?: () => Date;
}

export interface ImportOutcome extends AccountImport {
  pages: number;
}

/** The pure core, with the listing and the database passed in (tested in import.test.ts). */
export async function importGenerations(options: ImportOptions): Promise<ImportOutcome> {
  const { db, list, onImported } = options;
  const pageSize = options.pageSize ?? IMPORT_PAGE_SIZE;
  const maxPages = options.maxPages ?? IMPORT_MAX_PAGES;
  const now = options.now ?? (() => new Date());
  const outcome: ImportOutcome = { imported: 0, alreadyHere: 0, skipped: 0, complete: false, pages: 0 };
  const seen = new Set<string>();
  let offset = 0;
  while (outcome.pages < maxPages) {
    let page: GenerationPage;
    try {
      page = await list({ limit: pageSize, offset });
    } catch (error) {
      // What came in stays; the answer says the listing was not read to its end (import again).
      if (outcome.pages > 0) {
        log.warn("account import stopped", { offset, error });
        return outcome;
      }
      throw error;
    }
    outcome.pages += 1;
    for (const generation of page.generations) {
      // Offsets shift when a new generation arrives meanwhile: the same one may be listed twice.
      if (seen.has(generation.upstreamId)) continue;
      seen.add(generation.upstreamId);
      if (!isFinished(generation)) {
        outcome.skipped += 1;
        continue;
      }
      const id = await insertImported(db, rowFor(generation, options.providerName, now()));
      if (id === null) outcome.alreadyHere += 1;
      else {
        outcome.imported += 1;
        onImported?.(id);
      }
    }
    // A page shorter than asked with has_more still true would loop on nothing new; stop on an empty one.
    if (!page.hasMore || page.generations.length === 0) {
      outcome.complete = true;
      break;
    }
    offset += page.generations.length;
  }
  return outcome;
}

/** Done, with what it made: a clip's video, or an image's picture (kept as its thumbnail). */
function isFinished(generation: ListedGeneration): boolean {
  if (generation.state !== "completed") return false;
  return generation.settings.image ? generation.thumbnailUrl !== null : generation.videoUrl !== null;
}

function rowFor(generation: ListedGeneration, provider: string, now: Date): NewTaskRow {
  const { settings } = generation;
  return {
    id: newTaskId(),
    provider,
    upstreamId: generation.upstreamId,
    kind: settings.image ? "image" : "generate",
    prompt: generation.prompt ?? "",
    loop: settings.loop ?? false,
    aspectRatio: settings.aspectRatio,
    model: settings.model,
    resolution: settings.resolution,
    duration: settings.duration,
    state: "completed",
    upstreamState: generation.rawState,
    upstreamCreatedAt: generation.createdAt,
    // Where it was made in time, so the gallery (newest first) files it among the creator's clips.
    createdAt: generation.createdAt ?? now,
    // When it arrived: the copy's retry window runs from the moment its links were fresh.
    completedAt: now,
    lastProgressAt: now,
    videoUrl: generation.videoUrl,
    watermarkedVideoUrl: generation.watermarkedVideoUrl,
    thumbnailUrl: generation.thumbnailUrl,
    lastFrameUrl: generation.lastFrameUrl,
    width: generation.width,
    height: generation.height,
    durationSeconds: generation.durationSeconds,
    extra: { importedAt: now.toISOString() },
  };
}

/** The new task's id, or null when the studio already holds this generation. */
async function insertImported(db: Database, values: NewTaskRow): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(schema.tasks)
      .values(values)
      .onConflictDoNothing({ target: [schema.tasks.provider, schema.tasks.upstreamId] })
      .returning({ id: schema.tasks.id });
    if (!row) return null;
    const due = new Date((values.completedAt as Date).getTime() + COPY_AFTER_FINISH_MS);
    await enqueueJob(tx, { kind: JOB_KIND.mirror, subject: row.id }, due);
    return row.id;
  });
}

/** `POST /api/account/import`: the configured provider's account, into this studio. */
export async function importFromAccount(): Promise<AccountImport> {
  const upstream = provider();
  const list = upstream.list;
  if (!upstream.capabilities.importList || !list) {
    throw new AppError(
      "conflict",
      "This provider does not list the clips of your account, so there is nothing to import. Importing works with Luma's official API.",
    );
  }
  const outcome = await importGenerations({
    db: await getDb(),
    list: (page) => list(page, { signal: AbortSignal.timeout(60_000) }),
    providerName: providerName(),
    onImported: (id) => onTaskFinished({ id, state: "completed" }),
  }).catch((error: unknown) => {
    throw listingFailure(error);
  });
  const { pages, ...answer } = outcome;
  log.info("account import", { ...answer, pages });
  return answer;
}

/** A listing the upstream refused or did not answer, in the creator's terms with the upstream's words. */
function listingFailure(error: unknown): unknown {
  if (!isLumaError(error)) return error;
  const words = error.upstreamMessage ?? error.message;
  switch (error.kind) {
    case "unauthorized":
      return new AppError(
        "upstream_rejected",
        "The upstream refused the studio's API token. Ask the studio's owner to check LUMA_API_KEY.",
      );
    case "rate_limited": {
      const seconds = Math.max(1, Math.ceil((error.retryAfterMs ?? 10_000) / 1000));
      return new AppError("rate_limited", `The upstream is busy; try again in ${seconds} s`, {
        retryAfterSeconds: seconds,
      });
    }
    case "rejected":
    case "not_found":
      return new AppError("upstream_rejected", `The upstream refused to list your clips: ${words}`, {
        upstream: words,
      });
    default:
      return new AppError("upstream_unavailable", `The upstream did not list your clips: ${words}`, {
        upstream: words,
      });
  }
}
