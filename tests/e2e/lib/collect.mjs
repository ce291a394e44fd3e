// The real collection service for the browser tests: start `rileva serve` (RILEVA_BIN) on
// a SQLite file in a temporary folder or on a fresh database of RILEVA_TEST_POSTGRES, stop
// it (SIGTERM) or kill it (SIGKILL), start it again on the same port, and read the stored
// rows back with the sqlite3 and psql command-line tools. Nothing here answers a request
// itself: every response the pages send reaches the real server.

import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT, rilevaBin } from "./paths.mjs";
import { tempDir } from "./rileva.mjs";

const exec = promisify(execFile);

/** The databases every collection test runs on: "sqlite" and "postgres". */
export const DATABASES = ["sqlite", "postgres"];

function need(tool, install) {
  return (e) => {
    if (e.code === "ENOENT") throw new Error(`${tool} not found: run \`${install}\``);
    throw e;
  };
}

/** The PostgreSQL server of the tests, or a clear error (scripts/test.sh starts one). */
export function testPostgres() {
  const url = process.env.RILEVA_TEST_POSTGRES;
  if (!url) {
    throw new Error(
      "RILEVA_TEST_POSTGRES is not set: run the tests with ./scripts/test.sh, or start one with `scripts/postgres.sh start` and export its URL",
    );
  }
  return url;
}

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function psql(url, sql) {
  const { stdout } = await exec("psql", [url, "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql]).catch(
    need("psql", "apt-get install -y postgresql-client"),
  );
  return stdout;
}

/**
 * A fresh, empty database: {kind, url (for --db), rows(sql), drop()}. SQLite: a file in a
 * new temporary folder, removed by `drop()`. PostgreSQL: a new database on the server of
 * RILEVA_TEST_POSTGRES, dropped by `drop()`, that `down()` takes away from its clients and
 * `down(false)` gives back.
 */
export async function freshDatabase(kind) {
  if (kind === "sqlite") {
    const dir = tempDir("rileva-collect-");
    const file = join(dir, "responses.db");
    return {
      kind,
      url: `sqlite:${file}`,
      file,
      rows: async (sql) => {
        const { stdout } = await exec("sqlite3", ["-json", "-bail", file, sql]).catch(need("sqlite3", "apt-get install -y sqlite3"));
        return stdout.trim() ? JSON.parse(stdout) : [];
      },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  if (kind !== "postgres") throw new Error(`unknown database kind ${kind}`);
  const server = testPostgres();
  const name = `rileva_e2e_${randomBytes(6).toString("hex")}`;
  await psql(server, `CREATE DATABASE ${name}`);
  const url = withDatabase(server, name);
  return {
    kind,
    url,
    rows: async (sql) => JSON.parse((await psql(url, `SELECT coalesce(json_agg(t), '[]') FROM (${sql}) t`)).trim()),
    /**
     * A database that is down for its clients: new connections are refused and the open
     * ones (the server's pool) are terminated. `down(false)` lets connections in again.
     */
    down: async (refuse = true) => {
      await psql(server, `ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS ${refuse ? "false" : "true"}`);
      if (refuse) await psql(server, `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '${name}'`);
    },
    drop: async () => {
      await psql(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * `rileva serve SOURCES --db DB --listen 127.0.0.1:PORT ARGS`, resolved once it listens:
 * {url, port, output (stdout and stderr so far), stop() (SIGTERM, resolves to the exit
 * status), kill() (SIGKILL), restart() (the same command on the same port)}. Port 0 takes
 * a free one.
 */
export async function startServe({ sources, db, port = 0, args = [] }) {
  const argv = ["serve", ...sources, "--db", db, "--listen", `127.0.0.1:${port}`, ...args];
  const child = spawn(rilevaBin(), argv, { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
  const server = { output: "", child };
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal)));
  child.stdout.on("data", (d) => (server.output += d));
  child.stderr.on("data", (d) => (server.output += d));
  const listening = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`rileva serve did not start in 60 s:\n${server.output}`)), 60000);
    const look = () => {
      const m = /listening on (http:\/\/[^\s/]+)\//.exec(server.output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on("data", look);
    exited.then((status) => {
      clearTimeout(timer);
      reject(new Error(`rileva serve ${argv.join(" ")} exited (${status}) before listening:\n${server.output}`));
    });
  });
  server.url = listening;
  server.port = Number(new URL(listening).port);
  server.exited = exited;
  server.stop = async () => {
    child.kill("SIGTERM");
    return exited;
  };
  server.kill = async () => {
    child.kill("SIGKILL");
    return exited;
  };
  server.restart = () => startServe({ sources, db, port: server.port, args });
  return server;
}

/** Wait until `check()` resolves truthy (polled every 100 ms), or fail after `timeout` ms. */
export async function eventually(check, what, timeout = 15000) {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The POSTs `page` makes to /responses, as the browser sends them: [{key, body, at}]. */
export function watchResponses(page) {
  const sent = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/responses") {
      sent.push({ key: request.headers()["idempotency-key"], body: request.postData(), contentType: request.headers()["content-type"] });
    }
  });
  return sent;
}
