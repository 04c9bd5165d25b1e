/**
 * `npm run db:template`: makes lib/server/db/template/pgdata.tar.gz, the empty PostgreSQL data folder a
 * new embedded database is unpacked from (see lib/server/db/pglite.ts). Run it after upgrading
 * @electric-sql/pglite; the template test fails until then. No schema inside: migrations run on open.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPglite, TEMPLATE } from "../lib/server/db/pglite";

const dir = await mkdtemp(path.join(tmpdir(), "luma-pgdata-"));
try {
  // No template given, so PGlite's own initdb runs, with the studio's settings in postgresql.conf.
  const { client } = await createPglite(path.join(dir, "db"), path.join(dir, "none"));
  const tarball = await client.dumpDataDir("gzip");
  await client.close();
  await writeFile(TEMPLATE, Buffer.from(await tarball.arrayBuffer()));
  const pkg = JSON.parse(await readFile("node_modules/@electric-sql/pglite/package.json", "utf8")) as {
    version: string;
  };
  await writeFile(
    path.join(path.dirname(TEMPLATE), "pgdata.json"),
    `${JSON.stringify({ pglite: pkg.version }, null, 2)}\n`,
  );
  console.log(`wrote ${TEMPLATE} (${(tarball.size / 1e6).toFixed(1)} MB) for PGlite ${pkg.version}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
