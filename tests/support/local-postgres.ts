import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A throwaway PostgreSQL server from Debian's packages: initdb into a temp folder, listening on one
 * loopback port only, password auth, no fsync (test data). As root it runs as the `postgres` user, because
 * the server refuses to run as root. Installs the `postgresql` package when it is missing and we may.
 */

export interface LocalPostgres {
  /** postgres://… for a database of that name (created by createDatabase). */
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

const USER = "luma";
const PASSWORD = "luma-scale-password";

function binDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((version) => existsSync(path.join(root, version, "bin/initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}

const isRoot = () => process.getuid?.() === 0;

/** Debian's postgresql package, without the default cluster its install would start on port 5432. */
export function ensurePostgresInstalled(): string {
  const found = binDir();
  if (found) return found;
  const hasApt = spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
  if (!isRoot() || !hasApt) {
    throw new Error(
      "PostgreSQL is not installed and cannot be installed here (needs root and apt-get). " +
        "Install Debian's `postgresql` package (sudo apt-get install postgresql), then run again.",
    );
  }
  console.log("Installing PostgreSQL from Debian's packages (apt-get install postgresql)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("mkdir", ["-p", "/etc/postgresql-common"]);
  if (!existsSync("/etc/postgresql-common/createcluster.conf"))
    execFileSync("sh", [
      "-c",
      "echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.conf",
    ]);
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "-o", "Dpkg::Options::=--force-confold", "postgresql"], {
    stdio: "inherit",
    env,
  });
  const installed = binDir();
  if (!installed) throw new Error("apt-get install postgresql finished but no initdb was found");
  return installed;
}

export async function startLocalPostgres(port: number): Promise<LocalPostgres> {
  const bin = ensurePostgresInstalled();
  const dir = await mkdtemp(path.join(tmpdir(), "luma-pg-"));
  const dataDir = path.join(dir, "data");
  const pwFile = path.join(dir, "password");
  await writeFile(pwFile, PASSWORD);
  const asServerUser = (command: string, args: string[]) => {
    const [file, argv] = isRoot()
      ? ["runuser", ["-u", "postgres", "--", path.join(bin, command), ...args]]
      : [path.join(bin, command), args];
    const run = spawnSync(file, argv as string[], { encoding: "utf8" });
    if (run.status !== 0) throw new Error(`${command} failed: ${run.stderr || run.stdout}`);
  };
  if (isRoot()) {
    await chmod(dir, 0o755);
    execFileSync("chown", ["-R", "postgres:postgres", dir]);
  }
  asServerUser("initdb", [
    "-D",
    dataDir,
    "-U",
    USER,
    `--pwfile=${pwFile}`,
    "--auth=scram-sha-256",
    "-E",
    "UTF8",
    "--no-sync",
  ]);
  const options = [
    "-c listen_addresses=127.0.0.1",
    `-c port=${port}`,
    `-c unix_socket_directories=${dir}`,
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
  ].join(" ");
  asServerUser("pg_ctl", [
    "-D",
    dataDir,
    "-l",
    path.join(dir, "server.log"),
    "-o",
    options,
    "-w",
    "-t",
    "60",
    "start",
  ]);

  const urlFor = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
    urlFor,
    async createDatabase(name: string) {
      const { default: postgres } = await import("postgres");
      const admin = postgres(urlFor("postgres"), { max: 1, onnotice: () => {} });
      try {
        await admin.unsafe(`create database "${name.replace(/"/g, "")}"`);
      } finally {
        await admin.end({ timeout: 5 });
      }
    },
    async stop() {
      try {
        asServerUser("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Tests refuse to touch a database that is not on this machine. */
export function assertLoopbackDatabaseUrl(url: string): void {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "[::1]", "::1"].includes(host))
    throw new Error(`Refusing to run database tests against ${host}: only a loopback Postgres is allowed`);
}
