// axe-core in the page: WCAG 2.1 A and AA rules.

import { readFileSync } from "node:fs";
import { npmFile } from "./paths.mjs";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

let axeSource;

/** Inject axe-core into `page` (once per document) and return its violations. */
export async function runAxe(page, { tags = WCAG_TAGS } = {}) {
  axeSource ??= readFileSync(npmFile("axe-core", "axe.min.js"), "utf8");
  if (!(await page.evaluate(() => typeof window.axe !== "undefined"))) {
    await page.addScriptTag({ content: axeSource });
  }
  const result = await page.evaluate(
    (runTags) => window.axe.run(document, { runOnly: { type: "tag", values: runTags } }),
    tags,
  );
  return result.violations;
}

/** A readable account of axe violations, for assertion messages. */
export function describeViolations(violations) {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary}`).join("\n"))
    .join("\n");
}
