import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Boards and favourites through the studio's own services and routes, on an embedded database: names,
 * limits, memberships, the star, the gallery's filters, and what deleting a board or a clip leaves.
 */
describe("boards and favourites", () => {
  let dir: string;
  let close: () => Promise<void>;
  const saved = { DATABASE_URL: process.env.DATABASE_URL, MEDIA_DIR: process.env.MEDIA_DIR };

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "luma-boards-"));
    process.env.DATABASE_URL = `pglite:${dir}/db`;
    process.env.MEDIA_DIR = `${dir}/media`;
    const { resetEnvForTests } = await import("../env");
    resetEnvForTests();
    const { openStudioDatabase } = await import("../db");
    const open = await openStudioDatabase();
    close = () => open.close();
    const { getDb, schema } = await import("../db");
    const db = await getDb();
    const clip = (id: string, prompt: string, state: "completed" | "failed", minute: number) => ({
      id,
      provider: "simulator",
      kind: "generate" as const,
      prompt,
      state,
      thumbnailKey: state === "completed" ? `clips/${id}/thumbnail.jpg` : null,
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, minute)),
      updatedAt: new Date(Date.UTC(2026, 0, 1, 0, minute)),
    });
    await db
      .insert(schema.tasks)
      .values([
        clip("t_fox", "a red fox in snow", "completed", 1),
        clip("t_owl", "an owl at night", "completed", 2),
        clip("t_bad", "a red balloon", "failed", 3),
      ]);
  });
  afterAll(async () => {
    await close?.();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    (await import("../env")).resetEnvForTests();
    await fs.rm(dir, { recursive: true, force: true });
  });

  const services = async () => ({
    ...(await import("./boards")),
    ...(await import("./clips")),
    ...(await import("../tasks/queries")),
  });

  it("makes boards with trimmed names, unique whatever their case, listed by name", async () => {
    const { createBoard, listBoards, renameBoard } = await services();
    const trailer = await createBoard({ name: "Trailer" });
    expect(trailer).toMatchObject({ name: "Trailer", clipCount: 0, cover: null });
    expect(trailer.id).toMatch(/^b_/);
    await expect(createBoard({ name: "trailer" })).rejects.toMatchObject({
      code: "conflict",
      message: 'name: a board named "trailer" already exists',
    });
    const moods = await createBoard({ name: "moods" });
    expect((await listBoards()).map((board) => board.name)).toEqual(["moods", "Trailer"]);
    // Its own name in another case is a new spelling, not a clash; another board's name is.
    expect(await renameBoard(moods.id, { name: "Moods" })).toMatchObject({ name: "Moods" });
    await expect(renameBoard(moods.id, { name: "TRAILER" })).rejects.toMatchObject({ code: "conflict" });
    await expect(renameBoard("b_none", { name: "x" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("puts clips on boards idempotently, shows boardIds and counts, and touches the clip", async () => {
    const { createBoard, setBoardClip, getBoard, getTaskRow } = await services();
    const board = await createBoard({ name: "Night" });
    const before = (await getTaskRow("t_owl")).updatedAt;
    const task = await setBoardClip(board.id, "t_owl", true);
    expect(task.boardIds).toEqual([board.id]);
    expect(Date.parse(task.updatedAt)).toBeGreaterThan(before.getTime());
    const again = await setBoardClip(board.id, "t_owl", true);
    expect(again.updatedAt).toBe(task.updatedAt);
    expect(await getBoard(board.id)).toMatchObject({
      clipCount: 1,
      cover: { url: "/api/media/clips/t_owl/thumbnail.jpg" },
    });
    expect((await setBoardClip(board.id, "t_owl", false)).boardIds).toEqual([]);
    expect((await setBoardClip(board.id, "t_owl", false)).boardIds).toEqual([]);
    expect((await getBoard(board.id)).clipCount).toBe(0);
    await expect(setBoardClip(board.id, "t_none", true)).rejects.toMatchObject({ code: "not_found" });
    await expect(setBoardClip("b_none", "t_owl", true)).rejects.toMatchObject({ code: "not_found" });
  });

  it("stars through updateTask, so the live feed sees the clip move", async () => {
    const { setFavourite, getTaskRow } = await services();
    const { listChanges } = await import("../tasks/changes");
    const since = new Date(Date.now() - 1000).toISOString();
    const before = (await getTaskRow("t_fox")).updatedAt;
    const starred = await setFavourite("t_fox", true);
    expect(starred.favourite).toBe(true);
    expect(Date.parse(starred.updatedAt)).toBeGreaterThan(before.getTime());
    expect((await setFavourite("t_fox", true)).updatedAt).toBe(starred.updatedAt);
    const changes = await listChanges(since);
    expect(changes.tasks.find((task) => task.id === "t_fox")?.favourite).toBe(true);
  });

  it("filters the gallery by star and board, combined with state and search", async () => {
    const { createBoard, setBoardClip, setFavourite, listTasks } = await services();
    const board = await createBoard({ name: "Reds" });
    await setBoardClip(board.id, "t_fox", true);
    await setBoardClip(board.id, "t_bad", true);
    await setFavourite("t_bad", true);
    const ids = async (filters: Parameters<typeof listTasks>[0]) =>
      (await listTasks(filters)).tasks.map((task) => task.id);
    expect(await ids({ limit: 10, favourite: true })).toEqual(["t_bad", "t_fox"]);
    expect(await ids({ limit: 10, boardId: board.id })).toEqual(["t_bad", "t_fox"]);
    expect(await ids({ limit: 10, boardId: board.id, states: ["completed"] })).toEqual(["t_fox"]);
    expect(await ids({ limit: 10, boardId: board.id, favourite: true, search: "balloon" })).toEqual([
      "t_bad",
    ]);
    expect(await ids({ limit: 10, boardId: board.id, search: "owl" })).toEqual([]);
    // Pages through a board with the same cursor as the gallery.
    const first = await listTasks({ limit: 1, boardId: board.id });
    const second = await listTasks({ limit: 1, boardId: board.id, cursor: first.nextCursor ?? "" });
    expect([first.tasks[0]?.id, second.tasks[0]?.id]).toEqual(["t_bad", "t_fox"]);
    await expect(listTasks({ limit: 10, boardId: "b_none" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("deleting a board keeps its clips and touches them; deleting a clip takes it off its boards", async () => {
    const { createBoard, setBoardClip, deleteBoard, getBoard, getTask, findTaskRow } = await services();
    const { deleteTask } = await import("../tasks/delete");
    const keep = await createBoard({ name: "Keep" });
    const gone = await createBoard({ name: "Gone" });
    await setBoardClip(keep.id, "t_owl", true);
    const on = await setBoardClip(gone.id, "t_owl", true);
    expect(on.boardIds).toEqual([keep.id, gone.id]);
    await deleteBoard(gone.id);
    const after = await getTask("t_owl");
    expect(after.boardIds).toEqual([keep.id]);
    expect(Date.parse(after.updatedAt)).toBeGreaterThanOrEqual(Date.parse(on.updatedAt));
    await expect(getBoard(gone.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteBoard(gone.id)).rejects.toMatchObject({ code: "not_found" });
    await deleteTask("t_owl");
    expect(await findTaskRow("t_owl")).toBeNull();
    expect((await getBoard(keep.id)).clipCount).toBe(0);
  });

  it("answers through the routes: field errors, 201, 409 at the board limit, and the list filters", async () => {
    const boards = await import("@/app/api/boards/route");
    const board = await import("@/app/api/boards/[id]/route");
    const clips = await import("@/app/api/boards/[id]/clips/[taskId]/route");
    const favourite = await import("@/app/api/generations/[id]/favourite/route");
    const generations = await import("@/app/api/generations/route");
    const json = (method: string, url: string, body?: unknown) =>
      new Request(`http://studio.test${url}`, {
        method,
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const params = (values: Record<string, string>) => ({ params: Promise.resolve(values) });

    const tooLong = await boards.POST(json("POST", "/api/boards", { name: "x".repeat(81) }));
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()).error.message).toBe("name: must be at most 80 characters");
    const blank = await boards.POST(json("POST", "/api/boards", { name: "   " }));
    expect((await blank.json()).error.message).toBe("name: must not be empty");
    const made = await boards.POST(json("POST", "/api/boards", { name: "  Route board  " }));
    expect(made.status).toBe(201);
    const { id } = (await made.json()) as { id: string };

    const renamed = await board.PATCH(json("PATCH", `/api/boards/${id}`, { name: "Routed" }), params({ id }));
    expect((await renamed.json()).name).toBe("Routed");
    const put = await clips.PUT(
      json("PUT", `/api/boards/${id}/clips/t_fox`),
      params({ id, taskId: "t_fox" }),
    );
    expect((await put.json()).boardIds).toContain(id);
    const star = await favourite.PUT(
      json("PUT", "/api/generations/t_fox/favourite"),
      params({ id: "t_fox" }),
    );
    expect((await star.json()).favourite).toBe(true);

    const list = await generations.GET(
      json("GET", `/api/generations?favourite=true&board=${id}&state=completed`),
    );
    expect(((await list.json()).tasks as { id: string }[]).map((task) => task.id)).toEqual(["t_fox"]);
    const badFlag = await generations.GET(json("GET", "/api/generations?favourite=yes"));
    expect((await badFlag.json()).error.message).toBe("favourite: must be true or false");
    expect((await generations.GET(json("GET", "/api/generations?board=b_none"))).status).toBe(404);

    const unstar = await favourite.DELETE(
      json("DELETE", "/api/generations/t_fox/favourite"),
      params({ id: "t_fox" }),
    );
    expect((await unstar.json()).favourite).toBe(false);
    const { MAX_BOARDS } = await import("@/lib/shared/board");
    const existing = ((await (await boards.GET(json("GET", "/api/boards"))).json()) as { boards: unknown[] })
      .boards;
    for (let n = existing.length; n < MAX_BOARDS; n++) {
      expect((await boards.POST(json("POST", "/api/boards", { name: `Board ${n}` }))).status).toBe(201);
    }
    const over = await boards.POST(json("POST", "/api/boards", { name: "One more" }));
    expect(over.status).toBe(409);
    expect((await over.json()).error.message).toBe(
      "boards: a studio holds at most 200 boards; delete one to make another",
    );
    expect((await board.DELETE(json("DELETE", `/api/boards/${id}`), params({ id }))).status).toBe(204);
  });
});
