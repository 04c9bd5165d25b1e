import type { TestProject } from "vitest/node";
import { startLocalPostgres } from "./local-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrls: {
      services: string;
      watcher: string;
      mirror: string;
      migrations: string;
      notify: string;
      limits: string;
    };
  }
}

/** One Postgres for the `*.pg.test.ts` files, each with its own database; port from PG_TEST_PORT. */
export default async function setup(project: TestProject) {
  const server = await startLocalPostgres(Number(process.env.PG_TEST_PORT ?? 5212));
  const names = ["services", "watcher", "mirror", "migrations", "notify", "limits"] as const;
  for (const name of names) await server.createDatabase(`luma_${name}`);
  project.provide("postgresUrls", {
    services: server.urlFor("luma_services"),
    watcher: server.urlFor("luma_watcher"),
    mirror: server.urlFor("luma_mirror"),
    migrations: server.urlFor("luma_migrations"),
    notify: server.urlFor("luma_notify"),
    limits: server.urlFor("luma_limits"),
  });
  return () => server.stop();
}
