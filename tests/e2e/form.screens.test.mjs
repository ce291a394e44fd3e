// Screenshots of every generated HTML form at phone (320 px) and desktop width, in both
// themes, under tests/e2e/artifacts/form/ (gitignored) for people to look at; the page
// must fit a 320 px screen without sideways scrolling, and weigh under the budget.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { ARTIFACTS_DIR, DESKTOP, PHONE, EXAMPLE_DIRS, buildExamples, exampleSources, launchBrowser, serve, tempDir, withPages } from "./lib/index.mjs";

// The examples, and the support survey of constructs the examples do not use.
const FORM_SOURCES = exampleSources([...EXAMPLE_DIRS, "tests/support/surveys"]);

const THEMES = ["plain", "bootstrap-italia"];
const PAGE_BUDGET = 40 * 1024;
const SHOTS = join(ARTIFACTS_DIR, "form");

let out, forms, browser, server;

before(async () => {
  out = tempDir("rileva-form-screens-");
  forms = [];
  for (const theme of THEMES) {
    for (const b of await buildExamples(["html"], { theme, out: join(out, theme), sources: FORM_SOURCES })) {
      for (const s of b.surveys) {
        for (const f of s.files.filter((f) => /^form\.[a-z]+\.html$/.test(f))) {
          const path = join(s.dir, f);
          forms.push({ theme, name: `${s.id}.${f.slice(5, -5)}`, path, url: relative(out, path), bytes: statSync(path).size });
        }
      }
    }
  }
  mkdirSync(join(SHOTS, "plain"), { recursive: true });
  mkdirSync(join(SHOTS, "bootstrap-italia"), { recursive: true });
  browser = await launchBrowser();
  server = await serve(out);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("every form fits a 320 px phone and is photographed at phone and desktop width", async (t) => {
  const overflowing = [];
  await withPages(browser, forms, 2, async (page, form) => {
    await page.setViewportSize(PHONE);
    await page.goto(`${server.url}/${form.url}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > PHONE.width) overflowing.push(`${form.url}: ${width}px wide`);
    await page.screenshot({ path: join(SHOTS, form.theme, `${form.name}.phone.png`), fullPage: true });
    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: join(SHOTS, form.theme, `${form.name}.desktop.png`), fullPage: true });
  });
  t.diagnostic(`${forms.length * 2} screenshots under ${relative(process.cwd(), SHOTS)}`);
  assert.deepEqual(overflowing, []);
});

test(`every form weighs less than ${PAGE_BUDGET / 1024} KB`, (t) => {
  const largest = forms.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  t.diagnostic(`largest form: ${largest.url}, ${(largest.bytes / 1024).toFixed(1)} KB`);
  const heavy = forms.filter((f) => f.bytes >= PAGE_BUDGET).map((f) => `${f.url}: ${f.bytes} bytes`);
  assert.deepEqual(heavy, []);
});
