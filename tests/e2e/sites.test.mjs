// Sites end to end (docs/language.md §4, `sites`), on SQLite and on PostgreSQL: Chromium
// opens the Lecce kiosk and web form that the real `rileva serve` serves, with `?site=<id>`
// in the address as an office installs them, answers, and the test finds the site in the
// stored row (read back with sqlite3 / psql). An unknown site: the kiosk shows the staff
// its configuration message and sends nothing; the form sends its response without a site
// (a respondent cannot mend a link); a response naming an unknown site is refused by the
// server (422, nothing stored). The server's faults are in serve.*.test.mjs.

import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { DATABASES, REPO_ROOT, eventually, freshDatabase, launchBrowser, newPage, startServe } from "./lib/index.mjs";
import { tap, waitForQuestion } from "./lib/kiosk-helpers.mjs";

const LECCE = join(REPO_ROOT, "examples/lecce_anagrafe_kiosk.rileva");
const SURVEY = "lecce.anagrafe_kiosk";
const TABLE = "lecce_anagrafe_kiosk_v1";
const THANKS_MS = 6000;

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** Answer the web form (a green face, certificates) and send it; "thanks" or "failed". */
async function answerAndSend(page) {
  await page.click("label[for=giudizio-3]");
  await page.click("label[for=pratica-2]");
  await page.click("button[type=submit]");
  await page.waitForFunction(
    () => !document.getElementById("rileva-thanks").hidden || !document.getElementById("rileva-send-error").hidden,
  );
  return (await page.isVisible("#rileva-thanks")) ? "thanks" : "failed";
}

for (const kind of DATABASES) {
  describe(`sites through rileva serve on ${kind}`, () => {
    let server, db;

    before(async () => {
      db = await freshDatabase(kind);
      server = await startServe({ sources: [LECCE], db: db.url });
    });

    after(async () => {
      assert.equal(await server?.stop(), 0, "rileva serve exits 0 on SIGTERM");
      await db?.drop();
    });

    const rows = () => db.rows(`SELECT channel, site, giudizio, pratica FROM ${TABLE} ORDER BY response_id`);

    test("a kiosk installed with ?site=santa_rosa stores its site with each response", async () => {
      const page = await newPage(browser, { viewport: { width: 1080, height: 1920 } });
      await page.clock.install();
      await page.goto(`${server.url}/s/${SURVEY}/kiosk/kiosk.it.html?site=santa_rosa`);
      await waitForQuestion(page, "giudizio");
      await tap(page, { code: 3 });
      await waitForQuestion(page, "pratica");
      await tap(page, { code: 2 });
      await waitForQuestion(page, undefined);
      await page.clock.fastForward(THANKS_MS);
      const stored = await eventually(async () => ((await rows()).length === 1 ? rows() : null), "the kiosk's response to be stored");
      assert.deepEqual(stored, [{ channel: "kiosk", site: "santa_rosa", giudizio: 3, pratica: 2 }]);
      await page.close();
    });

    test("a kiosk whose address names an unknown site shows the staff why and collects nothing", async () => {
      const page = await newPage(browser, { viewport: { width: 1080, height: 1920 } });
      const posts = [];
      page.on("request", (r) => r.method() === "POST" && posts.push(r.url()));
      await page.goto(`${server.url}/s/${SURVEY}/kiosk/kiosk.it.html?site=lecce_nord`);
      await page.waitForSelector("#notice:not([hidden])");
      const notice = await page.textContent("#notice");
      assert.match(notice, /lecce_nord/, `the message names the site given: ${notice}`);
      assert.equal(await page.isHidden("#stage"), true, "the screens are not shown");
      const visible = await page.locator("button[data-code]").evaluateAll((bs) => bs.filter((b) => b.checkVisibility()).length);
      assert.equal(visible, 0, "no answer can be tapped");
      await page.waitForTimeout(500);
      assert.deepEqual(posts, []);
      assert.equal((await rows()).length, 1, "nothing more stored");
      await page.close();
    });

    test("the form linked with ?site=frigole stores the site; with an unknown site it stores none", async () => {
      const page = await newPage(browser);
      await page.goto(`${server.url}/s/${SURVEY}/form.it.html?site=frigole`);
      assert.equal(await answerAndSend(page), "thanks");
      const other = await newPage(browser);
      await other.goto(`${server.url}/s/${SURVEY}/form.en.html?site=lecce_nord`);
      assert.equal(await answerAndSend(other), "thanks");
      assert.deepEqual((await rows()).slice(1), [
        { channel: "web", site: "frigole", giudizio: 3, pratica: 2 },
        { channel: "web", site: null, giudizio: 3, pratica: 2 },
      ]);
      await page.close();
      await other.close();
    });

    test("the server refuses a response that names a site the survey does not list", async () => {
      const page = await newPage(browser);
      await page.goto(`${server.url}/s/${SURVEY}/form.it.html`);
      const answer = await page.evaluate(async (survey) => {
        const body = { survey, version: "1.0.0", language: "it", channel: "web", site: "lecce_nord", answers: { giudizio: 3 } };
        const r = await fetch("/responses", {
          method: "POST",
          headers: { "Content-Type": "application/json", "Idempotency-Key": "sites-test-unknown-site" },
          body: JSON.stringify(body),
        });
        return { status: r.status, body: await r.json() };
      }, SURVEY);
      assert.equal(answer.status, 422, JSON.stringify(answer.body));
      assert.ok(JSON.stringify(answer.body).includes("site"), JSON.stringify(answer.body));
      assert.equal((await rows()).length, 3, "nothing stored");
      await page.close();
    });
  });
}
