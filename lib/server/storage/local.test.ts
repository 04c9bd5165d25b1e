import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe } from "vitest";
import { storageContract } from "./contract";
import { createLocalStorage } from "./local";
import type { MediaStorage } from "./types";

describe("local media storage", () => {
  let root: string;
  let storage: MediaStorage;

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), "luma-storage-"));
    storage = createLocalStorage(root);
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  storageContract(
    () => storage,
    () => fs.readdir(root),
  );
});
