// Where things are: the repository, the rileva binary, the browser, Java and the npm tools.
// Every helper fails with a message saying what is missing and how to install it: a
// missing tool fails the test, it never skips it.

import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

export const E2E_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const REPO_ROOT = resolve(E2E_DIR, "..", "..");
export const ARTIFACTS_DIR = join(E2E_DIR, "artifacts");
export const CHROMIUM = process.env.RILEVA_CHROMIUM || "/usr/bin/chromium";
export const JAVA = process.env.RILEVA_JAVA || "java";

const require = createRequire(import.meta.url);

/** The rileva binary: $RILEVA_BIN, else target/debug/rileva, else target/release/rileva. */
export function rilevaBin() {
  const candidates = [
    process.env.RILEVA_BIN,
    join(REPO_ROOT, "target", "debug", "rileva"),
    join(REPO_ROOT, "target", "release", "rileva"),
  ].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `rileva binary not found (tried ${candidates.join(", ")}): run \`cargo build\` first or set RILEVA_BIN`,
    );
  }
  return found;
}

/** The path of a file inside an npm package of tests/e2e, or a clear error. */
export function npmFile(pkg, file) {
  let base;
  try {
    base = dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    throw new Error(`npm package ${pkg} is missing: run \`cd tests/e2e && npm ci\``);
  }
  const path = join(base, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: reinstall with \`cd tests/e2e && npm ci\``);
  return path;
}

export function requireChromium() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run \`apt-get install -y chromium\` (or set RILEVA_CHROMIUM)`);
  }
  return CHROMIUM;
}

/** Run `fn` on every item, at most `limit` at a time; resolves to the results in order. */
export async function pool(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
