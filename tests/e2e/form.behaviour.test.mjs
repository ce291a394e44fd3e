// The HTML form's behaviour on known surveys: routing as the respondent answers (the
// contract's INPS survey: low satisfaction shows the follow-ups, high or "Non so" hides
// them), validation messages in the survey's language linked to their fields and announced
// before anything is sent, and the form without JavaScript.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { REPO_ROOT, buildExamples, launchBrowser, newPage, serve, submitForm, summaryMessages, tempDir } from "./lib/index.mjs";

const CONTRACT = join(REPO_ROOT, "tests/contract/inps_hub_prestazioni.rileva");
const EXAMPLE = join(REPO_ROOT, "examples/inps_hub_prestazioni.rileva");
const RESIDENZA = join(REPO_ROOT, "examples/roma_cambio_residenza.rileva");

let out, browser, server, urls;

before(async () => {
  out = tempDir("rileva-form-behaviour-");
  const built = await buildExamples(["html"], { out, sources: [CONTRACT, EXAMPLE, RESIDENZA] });
  urls = Object.fromEntries(built.flatMap((b) => b.surveys.map((s) => [s.id, `${b.name}/${s.id}`])));
  browser = await launchBrowser();
  server = await serve(out);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(survey, lang = "it", options = {}) {
  const page = await newPage(browser, options);
  await page.goto(`${server.url}/${urls[survey]}/form.${lang}.html`);
  return page;
}

const shown = (page, id) => page.isVisible(`#q-${id}`);
const disabled = (page, id) => page.$$eval(`#q-${id} input, #q-${id} textarea`, (els) => els.every((e) => e.disabled));

test("routing follows the answers as the respondent changes them", async () => {
  const page = await open("inps.hub_prestazioni");
  for (const id of ["motivi", "documenti"]) assert.equal(await shown(page, id), false, `${id} before any answer`);
  await page.click("label[for=soddisfazione-1]");
  for (const id of ["motivi", "documenti"]) {
    assert.equal(await shown(page, id), true, `${id} after "Per niente soddisfatto"`);
    assert.equal(await disabled(page, id), false);
  }
  await page.click("label[for=soddisfazione-5]");
  for (const id of ["motivi", "documenti"]) {
    assert.equal(await shown(page, id), false, `${id} after "Del tutto soddisfatto"`);
    assert.equal(await disabled(page, id), true, `${id}'s inputs are disabled when hidden`);
  }
  await page.click("label[for=soddisfazione-9]");
  assert.equal(await shown(page, "motivi"), false, '"Non so" never satisfies <= 2');
  await page.click("label[for=soddisfazione-2]");
  assert.equal(await shown(page, "motivi"), true);
  // The specify field opens only with its option.
  assert.equal(await page.isVisible("#motivi_99_text"), false);
  await page.click("label[for=motivi-99]");
  assert.equal(await page.isVisible("#motivi_99_text"), true);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the response has the shape of docs/language.md §10", async () => {
  const page = await open("inps.hub_prestazioni", "en");
  for (const [id, code] of [["facilita", 4], ["informazioni", 9], ["efficacia", 3], ["soddisfazione", 2], ["motivi", 1], ["motivi", 99], ["documenti", 2]]) {
    await page.click(`label[for=${id}-${code}]`);
  }
  await page.fill("#motivi_99_text", "Troppi passaggi");
  await page.fill("#commento-input", '  <b>ok</b> & "grazie"  ');
  const payload = await submitForm(page, server);
  assert.ok(payload, `not sent: ${await summaryMessages(page)}`);
  assert.equal(payload.contentType, "application/json");
  const { submitted_at, ...rest } = payload.json;
  assert.match(submitted_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.deepEqual(rest, {
    survey: "inps.hub_prestazioni",
    version: "1.0.0",
    language: "en",
    channel: "web",
    answers: {
      facilita: 4,
      informazioni: 9,
      efficacia: 3,
      soddisfazione: 2,
      motivi: [1, 99],
      motivi_99_text: "Troppi passaggi",
      documenti: 2,
      commento: '  <b>ok</b> & "grazie"  ',
    },
  });
  assert.equal(await page.isVisible("#rileva-thanks"), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), "rileva-thanks");
  await page.context().close();
});

test("required answers are asked for in words, linked to the fields and announced", async () => {
  const page = await open("inps.hub_prestazioni");
  const before = server.payloads.length;
  assert.equal(await submitForm(page, server), null);
  assert.equal(server.payloads.length, before, "nothing is sent");
  const message = "Questa domanda è obbligatoria: scelga o scriva una risposta.";
  for (const id of ["facilita", "informazioni", "efficacia", "soddisfazione"]) {
    assert.equal(await page.textContent(`#${id}-error`), message);
    assert.equal(await page.getAttribute(`#${id}-group`, "aria-invalid"), "true");
    assert.match(await page.getAttribute(`#${id}-group`, "aria-describedby"), new RegExp(`\\b${id}-error\\b`));
  }
  assert.equal(await page.isVisible("#commento-error"), false, "optional questions have no error");
  const summary = await summaryMessages(page);
  assert.equal(summary.length, 4, summary.join("\n"));
  assert.ok(summary[0].startsWith("Quanto è stato facile usare il servizio?"), summary[0]);
  assert.equal(await page.getAttribute("#rileva-summary", "role"), "alert");
  assert.equal(await page.evaluate(() => document.activeElement.id), "rileva-summary");
  // A link of the summary takes the respondent to the field.
  await page.click("#rileva-summary a >> nth=0");
  assert.equal(await page.evaluate(() => document.activeElement.id), "facilita-1");
  // Answering clears the message at once.
  await page.click("label[for=facilita-3]");
  assert.equal(await page.isVisible("#facilita-error"), false);
  assert.equal(await page.getAttribute("#facilita-group", "aria-invalid"), null);
  await page.context().close();
});

async function answerCore(page, satisfaction) {
  for (const [id, code] of [["facilita", 4], ["informazioni", 4], ["efficacia", 3], ["soddisfazione", satisfaction]]) {
    await page.click(`label[for=${id}-${code}]`);
  }
}

test("too many picks, too long a text: messages, nothing sent", async () => {
  const page = await open("inps.hub_prestazioni");
  await answerCore(page, 1);
  for (const code of [1, 2, 3, 4]) await page.click(`label[for=motivi-${code}]`);
  // The browser stops typing at maxlength; a script or an old browser may not.
  await page.$eval("#commento-input", (el) => {
    el.removeAttribute("maxlength");
    el.value = "é".repeat(501);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
  assert.equal(await submitForm(page, server), null);
  assert.equal(await page.textContent("#motivi-error"), "Scelga al massimo 3 risposte.");
  assert.equal(await page.textContent("#commento-error"), "Il testo può avere al massimo 500 caratteri (ora ne ha 501).");
  assert.equal(await page.getAttribute("#commento-input", "aria-invalid"), "true");
  assert.match(await page.getAttribute("#commento-input", "aria-describedby"), /commento-error/);
  await page.context().close();
});

test("a specify text longer than rileva accepts is refused", async () => {
  const page = await open("inps.hub_prestazioni");
  await answerCore(page, 2);
  await page.click("label[for=motivi-99]");
  assert.equal(await page.getAttribute("#motivi_99_text", "maxlength"), "500");
  await page.$eval("#motivi_99_text", (el) => {
    el.removeAttribute("maxlength");
    el.value = "x".repeat(501);
  });
  assert.equal(await submitForm(page, server), null);
  assert.equal(await page.textContent("#motivi-error"), "Il testo può avere al massimo 500 caratteri (ora ne ha 501).");
  await page.fill("#motivi_99_text", "x".repeat(500));
  assert.ok(await submitForm(page, server), "500 characters are fine");
  await page.context().close();
});

test("a number out of range and a failed check are refused in the survey's language", async () => {
  const page = await open("roma.cambio_residenza", "en");
  const data = await page.evaluate(() => JSON.parse(document.getElementById("rileva-data").textContent));
  const check = data.checks.find((c) => JSON.stringify(c.condition).includes('"persone"') && JSON.stringify(c.condition).includes('"value":2'));
  assert.ok(check, "the example checks con_altri = 2 against persone");
  await page.fill("#persone-input", "25");
  await page.click("button[type=submit]");
  assert.equal(await page.textContent("#persone-error"), "Enter a whole number from 1 to 20.");
  await page.fill("#persone-input", "3");
  await page.click("label[for=con_altri-2]");
  await page.click("button[type=submit]");
  const summary = await summaryMessages(page);
  assert.ok(summary.some((m) => m.endsWith(check.message)), `check message missing from ${summary.join(" | ")}`);
  await page.context().close();
});

test("without JavaScript every question is shown with its condition in words, and the page says it cannot send", async () => {
  const page = await open("inps.hub_prestazioni", "it", { javaScript: false });
  assert.equal(await shown(page, "motivi"), true);
  assert.equal(await shown(page, "documenti"), true);
  assert.equal(
    (await page.textContent("#motivi-cond")).trim(),
    "Rispondere solo se alla domanda «Complessivamente, quanto è soddisfatto del servizio?» ha risposto «Per niente soddisfatto» o «Poco soddisfatto».",
  );
  assert.equal(await page.isVisible("#motivi-cond"), true);
  await answerCore(page, 1);
  await page.click("label[for=motivi-2]");
  // The collection service takes JSON only, which a page without script cannot make: the
  // page says so next to a disabled button, and neither a click nor Enter posts anything.
  assert.equal(
    (await page.textContent("#rileva-nojs")).trim(),
    "Per inviare le risposte è necessario JavaScript: lo attivi nel browser e ricarichi la pagina.",
  );
  assert.equal(await page.isVisible("#rileva-nojs"), true);
  assert.equal(await page.isDisabled("button[type=submit]"), true);
  const before = server.payloads.length;
  await page.click("button[type=submit]", { force: true });
  await page.press("#motivi_99_text", "Enter");
  await page.press("#soddisfazione-1", "Enter");
  await page.waitForTimeout(300);
  assert.equal(server.payloads.length, before, "nothing was posted");
  assert.equal(page.url().endsWith("/form.it.html"), true, "the page stayed");
  await page.context().close();
});

test("with JavaScript the notice goes away and the button works", async () => {
  const page = await open("inps.hub_prestazioni", "it");
  assert.equal(await page.isVisible("#rileva-nojs"), false);
  assert.equal(await page.isDisabled("button[type=submit]"), false);
  await page.context().close();
});
