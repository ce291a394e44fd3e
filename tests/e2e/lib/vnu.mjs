// The Nu HTML Checker (npm vnu-jar) on the machine's Java: one call for many files.

import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { JAVA, npmFile } from "./paths.mjs";

const run = promisify(execFile);

/**
 * Check `files` with vnu in one Java run. Returns every message
 * ({url, type: "error"|"info", subType, message, lastLine, extract}); errors are those with
 * type "error" (or a non-document error). Throws when Java or vnu cannot run.
 */
export async function runVnu(files) {
  if (files.length === 0) throw new Error("runVnu: no files to check");
  const jar = npmFile("vnu-jar", "build/dist/vnu.jar");
  let stdout;
  try {
    ({ stdout } = await run(JAVA, ["-XX:-UsePerfData", "-jar", jar, "--format", "json", "--stdout", ...files], {
      maxBuffer: 64 * 1024 * 1024,
    }));
  } catch (e) {
    if (e.code === "ENOENT") {
      throw new Error(`Java not found (${JAVA}): run \`apt-get install -y default-jre-headless\``);
    }
    // vnu exits 1 when it finds errors; its report is still on stdout.
    if (!e.stdout) throw new Error(`vnu could not run: ${e.message}\n${e.stderr ?? ""}`);
    stdout = e.stdout;
  }
  return JSON.parse(stdout).messages;
}

/** Only the errors of a vnu report. */
export function vnuErrors(messages) {
  return messages.filter((m) => m.type === "error" || m.type === "non-document-error");
}

export function describeVnu(messages) {
  return messages.map((m) => `${m.url}:${m.lastLine ?? "?"}: ${m.type}: ${m.message}`).join("\n");
}
