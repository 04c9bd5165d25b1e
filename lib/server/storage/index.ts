import "server-only";
import { env } from "../env";
import { createLocalStorage } from "./local";
import type { MediaStorage } from "./types";

let storage: MediaStorage | undefined;

/** The studio's media storage, chosen from configuration (the local folder for now). */
export function mediaStorage(): MediaStorage {
  storage ??= createLocalStorage(env().mediaDir);
  return storage;
}

export * from "./types";
