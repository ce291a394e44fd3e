// Run the rileva binary: build the examples for some targets, validate responses.

import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT, rilevaBin } from "./paths.mjs";

const exec = promisify(execFile);

/** Folders whose `.rileva` files are the examples every target must build. */
export const EXAMPLE_DIRS = ["examples", "tests/contract"];

/** Run rileva with `args`; resolves to {code, stdout, stderr} whatever the exit status. */
export async function runRileva(args, { cwd = REPO_ROOT } = {}) {
  try {
    const { stdout, stderr } = await exec(rilevaBin(), args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    if (typeof e.code !== "number") throw e;
    return { code: e.code, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

function rilevaFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return rilevaFiles(path);
      return name.endsWith(".rileva") ? [path] : [];
    });
}

/** Every example source (absolute paths), sorted. */
export function exampleSources(dirs = EXAMPLE_DIRS) {
  return dirs.flatMap((d) => rilevaFiles(join(REPO_ROOT, d)));
}

/** A fresh temporary folder. */
export function tempDir(prefix = "rileva-e2e-") {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Build every example for `targets` (names of `--target`), one `rileva build` per source
 * file so each survey is tied to its source. Throws, with rileva's report, when one does
 * not build. Returns [{source, name, surveys: [{id, dir, files}]}], `files` relative to `dir`;
 * a survey for which the targets wrote nothing is not listed.
 */
export async function buildExamples(targets = ["html"], { theme = "plain", endpoint, out = tempDir(), sources = exampleSources() } = {}) {
  const built = [];
  for (const source of sources) {
    const name = relative(REPO_ROOT, source).replaceAll("/", "__").replace(/\.rileva$/, "");
    const dir = join(out, name);
    const args = ["build", ...targets.flatMap((t) => ["--target", t]), "--out", dir, "--html-theme", theme];
    if (endpoint) args.push("--html-endpoint", endpoint);
    const result = await runRileva([...args, source]);
    if (result.code !== 0) {
      throw new Error(`rileva build failed for ${relative(REPO_ROOT, source)} (exit ${result.code}):\n${result.stdout}${result.stderr}`);
    }
    // A target may write nothing for a survey (no HTML form without the web channel).
    const surveys = (existsSync(dir) ? readdirSync(dir) : [])
      .sort()
      .filter((id) => statSync(join(dir, id)).isDirectory())
      .map((id) => ({ id, dir: join(dir, id), files: listFiles(join(dir, id)) }));
    built.push({ source, name, surveys });
  }
  return built;
}

function listFiles(dir, prefix = "") {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const rel = prefix ? `${prefix}/${name}` : name;
      return statSync(join(dir, name)).isDirectory() ? listFiles(join(dir, name), rel) : [rel];
    });
}

/**
 * Judge `responses` (objects) with `rileva validate SOURCE FILE.jsonl --format json`.
 * Returns {code, report, stdout, stderr, file}; code 0 means every line was accepted.
 */
export async function validateResponses(source, responses, { dir = tempDir() } = {}) {
  const file = join(dir, `${basename(source, ".rileva")}.responses.jsonl`);
  writeFileSync(file, responses.map((r) => JSON.stringify(r)).join("\n") + "\n");
  const result = await runRileva(["validate", source, file, "--format", "json"]);
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    report = undefined;
  }
  return { ...result, report, file };
}
