// Every generated HTML form of every example, in both themes: valid HTML (Nu HTML Checker,
// one run for all files) and no WCAG 2.1 A/AA violation (axe-core in Chromium), both as
// first shown and with every validation error on screen; no request leaves the machine and
// the script raises no error.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join, relative } from "node:path";
import {
  EXAMPLE_DIRS,
  buildExamples,
  exampleSources,
  describeViolations,
  describeVnu,
  launchBrowser,
  withPages,
  runAxe,
  runVnu,
  serve,
  tempDir,
  vnuErrors,
  DESKTOP,
  PHONE,
} from "./lib/index.mjs";

// The examples, and the support survey of constructs the examples do not use.
const FORM_SOURCES = exampleSources([...EXAMPLE_DIRS, "tests/support/surveys"]);

const THEMES = ["plain", "bootstrap-italia"];
let out, forms, browser, server;

before(async () => {
  out = tempDir("rileva-form-validity-");
  forms = [];
  for (const theme of THEMES) {
    const built = await buildExamples(["html"], { theme, out: join(out, theme), sources: FORM_SOURCES });
    for (const b of built) {
      for (const s of b.surveys) {
        for (const f of s.files.filter((f) => /^form\.[a-z]+\.html$/.test(f))) {
          forms.push({ theme, survey: s.id, path: join(s.dir, f), url: relative(out, join(s.dir, f)) });
        }
      }
    }
  }
  browser = await launchBrowser();
  server = await serve(out);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("every example has a web form in each theme", () => {
  for (const theme of THEMES) {
    assert.ok(forms.filter((f) => f.theme === theme).length >= 10, `too few ${theme} forms: ${forms.length}`);
  }
});

test("the Nu HTML Checker finds no error in any form", async () => {
  const messages = await runVnu(forms.map((f) => f.path));
  const errors = vnuErrors(messages);
  assert.deepEqual(errors, [], `vnu errors:\n${describeVnu(errors)}`);
});

test("axe-core finds no WCAG 2.1 A/AA violation, before and after a failed submit", async () => {
  const failures = [];
  await withPages(browser, forms, 2, async (page, form) => {
    await page.setViewportSize(form.theme === "plain" ? PHONE : DESKTOP);
    await page.goto(`${server.url}/${form.url}`);
    const initial = await runAxe(page);
    await page.click("button[type=submit]");
    await page.waitForSelector("#rileva-summary:not([hidden])");
    const withErrors = await runAxe(page);
    for (const [state, violations] of [["initial", initial], ["with errors", withErrors]]) {
      if (violations.length) failures.push(`${form.url} (${state}):\n${describeViolations(violations)}`);
    }
    if (page.blocked.length) failures.push(`${form.url}: external requests ${page.blocked.join(", ")}`);
    if (page.errors.length) failures.push(`${form.url}: script errors ${page.errors.join("; ")}`);
  });
  assert.deepEqual(failures, [], failures.join("\n\n"));
});
