// Browser tests of the kiosk target: tap through the kiosk page along several routing paths
// with the endpoint down (503, refused connection, browser offline, idle reset), bring it up,
// and check that every response arrives exactly once and that `rileva validate` accepts it.
// Also: axe-core on every screen, vnu on every page, screenshots, page weight.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, statSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import {
  ARTIFACTS_DIR,
  REPO_ROOT,
  buildExamples,
  describeViolations,
  describeVnu,
  launchBrowser,
  newPage,
  runAxe,
  runVnu,
  serve,
  tempDir,
  validateResponses,
  vnuErrors,
} from "./lib/index.mjs";
import { faultyEndpoint, queued, shownScreen, tap, waitForQuestion } from "./lib/kiosk-helpers.mjs";

const SPORTELLO = join(REPO_ROOT, "tests/contract/lecce_anagrafe_sportello.rileva");
const ROMA = join(REPO_ROOT, "examples/roma_anagrafe_sportello.rileva");
const PAGE_BUDGET = 40 * 1024;

let out, built, kiosks, browser, server;

/** Every built survey that has kiosk files: {source, id, dir, layout, pages}. */
function kioskSurveys() {
  return built.flatMap((b) =>
    b.surveys
      .filter((s) => s.files.includes("kiosk/layout.json"))
      .map((s) => ({
        source: b.source,
        id: s.id,
        dir: s.dir,
        url: `/${relative(out, s.dir)}/kiosk`,
        layout: JSON.parse(readFileSync(join(s.dir, "kiosk/layout.json"), "utf8")),
        pages: s.files.filter((f) => /^kiosk\/kiosk\.[a-z]+\.html$/.test(f)).map((f) => join(s.dir, f)),
      })),
  );
}

before(async () => {
  out = tempDir("rileva-kiosk-");
  // json-schema too, so every survey gets a folder even when the kiosk target writes nothing.
  built = await buildExamples(["kiosk", "json-schema"], { out });
  kiosks = kioskSurveys();
  browser = await launchBrowser();
  server = await serve(out);
  mkdirSync(join(ARTIFACTS_DIR, "kiosk"), { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A kiosk page at its declared screen size, with a controllable clock. */
async function openKiosk(survey, lang) {
  const { width, height } = survey.layout.screen;
  const page = await newPage(browser, { viewport: { width, height } });
  await page.clock.install();
  await page.goto(`${server.url}${survey.url}/kiosk.${lang}.html`);
  return page;
}

function sportello() {
  const survey = kiosks.find((k) => k.source === SPORTELLO);
  assert.ok(survey, "lecce_anagrafe_sportello has kiosk files");
  return survey;
}

test("kiosk surveys get layout, pages and one SVG per screen; the others get none", () => {
  assert.ok(kiosks.length >= 2, `kiosk surveys: ${kiosks.map((k) => k.id)}`);
  for (const b of built) {
    for (const s of b.surveys) {
      const source = readFileSync(b.source, "utf8");
      const onKiosk = /^\s*channels\s[^\n]*\bkiosk\b/m.test(source);
      assert.equal(s.files.includes("kiosk/layout.json"), onKiosk, `${s.id}: kiosk files iff channel kiosk`);
    }
  }
  for (const k of kiosks) {
    const svgs = k.layout.screens.map((s) => `kiosk/screen-${s.number}.svg`);
    const files = built.flatMap((b) => b.surveys).find((s) => s.dir === k.dir).files;
    for (const svg of svgs) assert.ok(files.includes(svg), `${k.id}: ${svg}`);
    assert.equal(k.pages.length, k.layout.languages.length);
  }
});

test("every kiosk page is valid HTML (vnu) and within the page-weight budget", async () => {
  const pages = kiosks.flatMap((k) => k.pages);
  const errors = vnuErrors(await runVnu(pages));
  assert.deepEqual(errors, [], describeVnu(errors));
  for (const p of pages) {
    const kb = statSync(p).size / 1024;
    console.log(`kiosk page weight: ${relative(out, p)} ${kb.toFixed(1)} KB`);
    assert.ok(kb * 1024 < PAGE_BUDGET, `${p}: ${kb.toFixed(1)} KB`);
  }
});

test("SVG previews are well-formed and draw the rectangles of layout.json", async () => {
  const page = await newPage(browser);
  for (const k of kiosks) {
    for (const screen of k.layout.screens) {
      const response = await page.goto(`${server.url}${k.url}/screen-${screen.number}.svg`);
      assert.equal(response.status(), 200);
      const drawn = await page.evaluate(() => ({
        root: document.documentElement.localName,
        errors: document.getElementsByTagName("parsererror").length,
        rects: [...document.querySelectorAll("rect[x]")].map((r) =>
          ["x", "y", "width", "height"].map((a) => Number(r.getAttribute(a))),
        ),
      }));
      assert.equal(drawn.root, "svg", `${k.id} screen ${screen.number}`);
      assert.equal(drawn.errors, 0, `${k.id} screen ${screen.number} is not well-formed`);
      const expected = [...(screen.buttons ?? []), ...(screen.controls ?? [])].map((b) => [
        b.rect.x, b.rect.y, b.rect.width, b.rect.height,
      ]);
      assert.deepEqual(drawn.rects, expected, `${k.id} screen ${screen.number}`);
      if (screen.number === 1) {
        await page.screenshot({ path: join(ARTIFACTS_DIR, "kiosk", `${k.id}.preview-1.png`) });
      }
    }
  }
  await page.context().close();
});

test("routing paths with the endpoint down, then up: each response arrives once and is valid", async () => {
  const survey = sportello();
  const page = await openKiosk(survey, "it");
  const endpoint = await faultyEndpoint(page);
  const expected = [];

  // A: green face skips the reason (show if giudizio = 1); the endpoint answers 503.
  endpoint.mode = "error";
  await waitForQuestion(page, "giudizio");
  await tap(page, { code: 3 });
  await waitForQuestion(page, "ufficio");
  await tap(page, { code: 2 });
  await waitForQuestion(page, undefined);
  expected.push({ language: "it", answers: { giudizio: 3, ufficio: 2 } });
  await page.clock.fastForward(6000);
  await waitForQuestion(page, "giudizio");

  // B: red face asks the reason; the office is skipped; the connection is refused.
  endpoint.mode = "abort";
  await tap(page, { code: 1 });
  await waitForQuestion(page, "motivo");
  await tap(page, { code: 4 });
  await waitForQuestion(page, "ufficio");
  await tap(page, { action: "skip" });
  await waitForQuestion(page, undefined);
  expected.push({ language: "it", answers: { giudizio: 1, motivo: 4 } });
  await page.clock.fastForward(6000);

  // C: in English, yellow face; the browser is offline.
  await page.context().setOffline(true);
  await waitForQuestion(page, "giudizio");
  await tap(page, { action: "language" });
  assert.equal((await shownScreen(page)).lang, "en");
  await tap(page, { code: 2 });
  await waitForQuestion(page, "ufficio");
  await tap(page, { code: 1 });
  await waitForQuestion(page, undefined);
  expected.push({ language: "en", answers: { giudizio: 2, ufficio: 1 } });
  await page.clock.fastForward(6000);
  await waitForQuestion(page, "giudizio");
  assert.equal((await shownScreen(page)).lang, "it", "the kiosk returns to its default language");

  // D: red face, then the respondent walks away: after the idle time the (valid) response
  // is queued and the first screen returns.
  await tap(page, { code: 1 });
  await waitForQuestion(page, "motivo");
  await page.clock.fastForward(survey.layout.reset_after_seconds * 1000 + 1000);
  await waitForQuestion(page, "giudizio");
  expected.push({ language: "it", answers: { giudizio: 1 } });

  // Idle on the first screen with nothing answered sends nothing.
  await page.clock.fastForward(survey.layout.reset_after_seconds * 1000 + 1000);
  await waitForQuestion(page, "giudizio");

  const waiting = await queued(page);
  assert.deepEqual(
    waiting.map((q) => ({ language: q.body.language, answers: q.body.answers })),
    expected,
  );
  assert.equal(server.payloads.length, 0, "nothing reached the server while it was down");
  assert.ok(endpoint.log.some((r) => r.mode === "error"), "sending was attempted while down");

  // Up: the browser goes online (the `online` event flushes the queue).
  endpoint.mode = "up";
  await page.context().setOffline(false);
  await page.waitForFunction(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("rileva.kiosk.queue:"));
    return key && JSON.parse(localStorage.getItem(key)).length === 0;
  }, null, { timeout: 10000 });
  // More retry triggers must not resend anything.
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await page.clock.fastForward(25000);
  await page.waitForTimeout(500);

  const received = server.payloads.map((p) => p.json);
  assert.equal(received.length, expected.length, "each response arrives exactly once");
  assert.deepEqual(
    received.map((r) => ({ language: r.language, answers: r.answers })),
    expected,
  );
  const sentKeys = endpoint.log.filter((r) => r.mode === "up").map((r) => r.key);
  assert.equal(new Set(sentKeys).size, expected.length, `idempotency keys: ${sentKeys}`);
  assert.deepEqual(sentKeys, waiting.map((q) => q.id), "the key is the queue id of the response");
  for (const r of received) {
    assert.deepEqual(Object.keys(r).sort(), ["answers", "channel", "language", "submitted_at", "survey", "version"]);
    assert.equal(r.channel, "kiosk");
    assert.equal(r.survey, survey.layout.survey);
  }
  assert.ok(server.payloads.every((p) => p.contentType === "application/json"));
  const verdict = await validateResponses(SPORTELLO, received, { dir: out });
  assert.equal(verdict.code, 0, `rileva validate rejected kiosk responses:\n${verdict.stdout}${verdict.stderr}`);
  // The browser logs each failed POST while the endpoint is down; nothing else may fail.
  assert.deepEqual(page.errors.filter((e) => !e.startsWith("Failed to load resource")), []);
  assert.deepEqual(page.blocked, []);
  await page.context().close();
});

/**
 * Tap `steps` ([question, {code} | {action}]), checking each is asked on the screen shown;
 * then, unless `next` names the question expected next, the thank-you screen must show.
 */
async function answer(page, steps, { next } = {}) {
  for (const [question, button] of steps) {
    await waitForQuestion(page, question);
    await tap(page, button);
  }
  await waitForQuestion(page, next);
}

/** The codes toggled on in the shown multi screen. */
async function pressed(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("section.screen:not([hidden]) [aria-pressed=true]")].map((b) => Number(b.dataset.code)),
  );
}

test("scales, missing codes, a multi with max picks, yes/no and stars: routing and valid responses", async () => {
  const survey = kiosks.find((k) => k.source === ROMA);
  assert.ok(survey, "roma_anagrafe_sportello has kiosk files");
  const page = await openKiosk(survey, "it");
  // 9 "Non so" never satisfies `soddisfazione <= 2`: the reasons are skipped; a poor
  // waiting time (attesa <= 2) asks for the waiting room's stars.
  await answer(page, [
    ["facilita", { code: 4 }],
    ["informazioni", { code: 9 }],
    ["efficacia", { code: 3 }],
    ["soddisfazione", { code: 9 }],
    ["attesa", { code: 1 }],
    ["cortesia", { code: 5 }],
    ["sportello_servizio", { code: 2 }],
    ["prenotazione", { code: 1 }],
    ["sala_attesa", { code: 4 }],
  ]);
  await page.clock.fastForward(6000);
  // Dissatisfied: the reasons come, up to 3 picks (a 4th is refused), one taken back.
  await answer(page, [
    ["facilita", { code: 1 }],
    ["informazioni", { code: 1 }],
    ["efficacia", { code: 1 }],
    ["soddisfazione", { code: 1 }],
  ], { next: "motivi" });
  const confirm = page.locator("section.screen:not([hidden]) [data-action=confirm]");
  assert.equal(await confirm.isDisabled(), true, "confirm waits for the first pick");
  for (const code of [1, 99, 2, 3]) await tap(page, { code });
  assert.deepEqual(await pressed(page), [1, 2, 99], "a 4th pick is refused (max 3)");
  await tap(page, { code: 2 });
  assert.deepEqual(await pressed(page), [1, 99]);
  await answer(page, [
    ["motivi", { action: "confirm" }],
    ["attesa", { code: 5 }],
    ["cortesia", { code: 4 }],
    ["sportello_servizio", { code: 5 }],
    ["prenotazione", { code: 1 }],
  ]);
  await page.waitForFunction(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("rileva.kiosk.queue:"));
    return key && JSON.parse(localStorage.getItem(key)).length === 0;
  }, null, { timeout: 10000 });
  const received = server.payloads.map((p) => p.json).filter((r) => r.survey === survey.layout.survey);
  assert.deepEqual(
    received.map((r) => r.answers),
    [
      { facilita: 4, informazioni: 9, efficacia: 3, soddisfazione: 9, attesa: 1, cortesia: 5, sportello_servizio: 2, prenotazione: 1, sala_attesa: 4 },
      { facilita: 1, informazioni: 1, efficacia: 1, soddisfazione: 1, motivi: [1, 99], attesa: 5, cortesia: 4, sportello_servizio: 5, prenotazione: 1 },
    ],
  );
  const verdict = await validateResponses(ROMA, received, { dir: out });
  assert.equal(verdict.code, 0, `rileva validate rejected kiosk responses:\n${verdict.stdout}${verdict.stderr}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a multi-language kiosk resets language and answers when idle without a valid response", async () => {
  const survey = sportello();
  const page = await openKiosk(survey, "en");
  await waitForQuestion(page, "giudizio");
  assert.equal((await shownScreen(page)).lang, "en");
  await tap(page, { action: "language" });
  assert.equal((await shownScreen(page)).lang, "it");
  await page.clock.fastForward(survey.layout.reset_after_seconds * 1000 + 1000);
  await waitForQuestion(page, "giudizio");
  assert.equal((await shownScreen(page)).lang, "en", "back to the page's language");
  assert.deepEqual(await queued(page), []);
  await page.context().close();
});

test("axe finds no WCAG 2.1 A/AA violation on any screen; screenshots of each", async () => {
  for (const k of kiosks) {
    for (const lang of k.layout.languages) {
      const page = await openKiosk(k, lang);
      const seen = new Set();
      // Walk every question screen: answer with the first button that leads to an unseen
      // screen, falling back to the first button.
      for (let step = 0; step < k.layout.screens.length + 2; step++) {
        const shown = await shownScreen(page);
        if (!seen.has(shown.id)) {
          seen.add(shown.id);
          const violations = await runAxe(page);
          assert.deepEqual(violations, [], `${k.id} ${lang} ${shown.id}:\n${describeViolations(violations)}`);
          await page.screenshot({ path: join(ARTIFACTS_DIR, "kiosk", `${k.id}.${lang}.${shown.id}.png`) });
        }
        if (shown.question === undefined) break;
        const screen = k.layout.screens.find((s) => s.question === shown.question);
        // Red face first, so the follow-up shows up.
        const button = screen.buttons.find((b) => b.face === "sad") ?? screen.buttons[0];
        await tap(page, { code: button.code });
        if (screen.selection === "multi") await tap(page, { action: "confirm" });
      }
      assert.ok(seen.size >= 2, `${k.id}: screens seen ${[...seen]}`);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  }
});
