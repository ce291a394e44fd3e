// Browser test of the kiosk's `check` statements: a response that breaks a check is never
// queued; the kiosk shows the check's message and asks again from the first screen the check
// reads; the corrected response arrives once and `rileva validate` accepts it.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { E2E_DIR, buildExamples, launchBrowser, newPage, serve, tempDir, validateResponses } from "./lib/index.mjs";
import { queued, tap, waitForQuestion } from "./lib/kiosk-helpers.mjs";

const FIXTURE = join(E2E_DIR, "fixtures", "kiosk_check.rileva");
let out, survey, browser, server;

before(async () => {
  out = tempDir("rileva-kiosk-check-");
  const built = await buildExamples(["kiosk"], { out, sources: [FIXTURE] });
  const s = built[0].surveys[0];
  survey = { dir: s.dir, url: `/${relative(out, s.dir)}/kiosk`, layout: JSON.parse(readFileSync(join(s.dir, "kiosk/layout.json"), "utf8")) };
  browser = await launchBrowser();
  server = await serve(out);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("layout.json carries the survey's checks with their messages in every language", () => {
  assert.equal(survey.layout.checks.length, 1);
  assert.deepEqual(Object.keys(survey.layout.checks[0].message), ["en", "it"]);
  assert.equal(survey.layout.checks[0].condition.op, "not");
});

test("a broken check is explained, asked again, and never sent", async () => {
  const { width, height } = survey.layout.screen;
  const page = await newPage(browser, { viewport: { width, height } });
  await page.clock.install();
  await page.goto(`${server.url}${survey.url}/kiosk.it.html`);

  await waitForQuestion(page, "giudizio");
  await tap(page, { code: 3 });
  await waitForQuestion(page, "tornato");
  await tap(page, { code: 1 });
  // The check fails: back to the first question it reads, with its message announced.
  await waitForQuestion(page, "giudizio");
  const notice = page.locator("#notice");
  assert.equal(await notice.isVisible(), true, "the check's message is shown");
  assert.equal(await notice.getAttribute("role"), "alert");
  assert.match(await notice.textContent(), /giudizio positivo ma è dovuto tornare/);
  assert.deepEqual(await queued(page), [], "the invalid response is not queued");
  assert.equal(
    await page.locator("section.screen:not([hidden]) [aria-pressed=true]").count(),
    0,
    "the answers from the revisited screen on are cleared",
  );

  // Corrected: a yellow face; the message goes away at the first tap.
  await tap(page, { code: 2 });
  assert.equal(await notice.isVisible(), false);
  await waitForQuestion(page, "tornato");
  await tap(page, { code: 1 });
  await waitForQuestion(page, undefined);
  await page.waitForFunction(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("rileva.kiosk.queue:"));
    return key && JSON.parse(localStorage.getItem(key)).length === 0;
  }, null, { timeout: 10000 });

  const received = server.payloads.map((p) => p.json);
  assert.deepEqual(received.map((r) => r.answers), [{ giudizio: 2, tornato: 1 }]);
  const verdict = await validateResponses(FIXTURE, received, { dir: out });
  assert.equal(verdict.code, 0, `rileva validate rejected the kiosk response:\n${verdict.stdout}${verdict.stderr}`);
  await page.context().close();
});
