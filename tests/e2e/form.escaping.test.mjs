// Survey texts are text, never markup: a fixture whose title, section, wording, help,
// labels and check message hold <script>, quotes, & and closing tags is built in both
// themes; in the browser nothing of it runs or becomes an element, every text reads as
// written, and the page is still valid HTML.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  E2E_DIR,
  buildExamples,
  describeVnu,
  launchBrowser,
  newPage,
  runVnu,
  serve,
  summaryMessages,
  tempDir,
  vnuErrors,
} from "./lib/index.mjs";

const FIXTURE = join(E2E_DIR, "fixtures", "escaping.rileva");
const THEMES = ["plain", "bootstrap-italia"];
const TEXTS = {
  title: "<script>window.pwned = 1</script> & \"titolo\" 'uno'",
  section: '</h2><h1 id="evil">Sezione</h1> & <!-- commento',
  wording: '<img src=x onerror="window.pwned = 2"> & «scelta» </textarea></script>',
  help: "<b>aiuto</b> & </small><script>window.pwned = 3</script>",
  label1: "<script>window.pwned = 4</script>",
  label2: "Tom & Jerry \"due\" 'tre' ]]> --> {{ x }}",
  text: '</label><input name="evil" value="1"> ?',
  check: '<script>window.pwned = 6</script> & "dettaglio" mancante',
};

let out, browser, server;

before(async () => {
  out = tempDir("rileva-form-escaping-");
  for (const theme of THEMES) await buildExamples(["html"], { out: join(out, theme), theme, sources: [FIXTURE] });
  browser = await launchBrowser();
  server = await serve(out);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const url = (theme) => `${server.url}/${theme}/tests__e2e__fixtures__escaping/prova.escaping/form.it.html`;

test("the hostile fixture still makes valid HTML", async () => {
  const files = THEMES.map((t) => join(out, t, "tests__e2e__fixtures__escaping/prova.escaping/form.it.html"));
  const errors = vnuErrors(await runVnu(files));
  assert.deepEqual(errors, [], describeVnu(errors));
});

for (const theme of THEMES) {
  test(`texts appear as written and never run (${theme})`, async () => {
    const page = await newPage(browser);
    const dialogs = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      d.dismiss();
    });
    await page.goto(url(theme));
    const seen = await page.evaluate(() => ({
      pwned: window.pwned,
      scripts: document.scripts.length,
      evil: document.querySelectorAll('#evil, [name="evil"], img, b, small script, h1 ~ h1').length,
      title: document.title,
      h1: document.querySelector("h1").textContent,
      section: document.querySelector("h2.rileva-section").textContent,
      wording: document.querySelector("#q-scelta .rileva-wording").textContent,
      help: document.getElementById("scelta-help").textContent,
      labels: [...document.querySelectorAll("#q-scelta .form-check-label")].map((l) => l.textContent),
      specify: document.querySelector('label[for="scelta_1_text"]').textContent,
      text: document.querySelector("#q-dettaglio .rileva-wording").textContent,
      textHelp: document.getElementById("dettaglio-help").textContent,
      describedby: document.getElementById("dettaglio-input").getAttribute("aria-describedby"),
      mouseover: document.querySelectorAll("[onmouseover], [onerror]").length,
    }));
    assert.equal(seen.pwned, undefined);
    assert.equal(seen.scripts, 2, "only the page's data and script");
    assert.equal(seen.evil, 0);
    assert.equal(seen.mouseover, 0);
    assert.equal(seen.title, TEXTS.title);
    assert.equal(seen.h1, TEXTS.title);
    assert.equal(seen.section, TEXTS.section);
    assert.equal(seen.wording, TEXTS.wording);
    assert.equal(seen.help, TEXTS.help);
    assert.deepEqual(seen.labels, [TEXTS.label1, TEXTS.label2]);
    assert.equal(seen.specify, `${TEXTS.label1}: specificare`);
    assert.equal(seen.text, TEXTS.text);
    assert.equal(seen.textHelp, '" onmouseover="window.pwned = 5');
    assert.equal(seen.describedby, "dettaglio-help dettaglio-cond");
    // The check message goes into the summary as text too.
    await page.click('label[for="scelta-1"]');
    await page.click("button[type=submit]");
    const summary = await summaryMessages(page);
    assert.ok(summary.some((m) => m.endsWith(TEXTS.check)), summary.join(" | "));
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}
