// The web form against the real collection service, on SQLite and on PostgreSQL: Chromium
// opens the page `rileva serve` serves, answers and sends; the test reads the stored rows
// back with sqlite3 / psql. Faults are real: the server stopped (SIGTERM) and started again,
// an acknowledgement lost on the way back (the request reaches the server, the page sees
// the connection reset), a body altered on the way so the server answers 422, the rate
// limit. Each failed send keeps the answers and says so; the resend stores one row.

import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import {
  ARTIFACTS_DIR,
  DATABASES,
  PHONE,
  REPO_ROOT,
  describeViolations,
  freshDatabase,
  launchBrowser,
  newPage,
  runAxe,
  startServe,
  watchResponses,
} from "./lib/index.mjs";

const INPS = join(REPO_ROOT, "tests/contract/inps_hub_prestazioni.rileva");
const VALUTAZIONE = join(REPO_ROOT, "tests/contract/comune_pagina_valutazione.rileva");
const TABLE = "inps_hub_prestazioni_v1";
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const SEND_FAILED = {
  it: "Le risposte non sono state inviate: la connessione non risponde. Le risposte restano in questa pagina: controlli la connessione e prema «Invia di nuovo».",
  en: "Your answers were not sent: the connection is not responding. They are still on this page: check your connection and press “Send again”.",
};
const UNAVAILABLE_IT =
  "Le risposte non sono state inviate: il servizio non è disponibile in questo momento. Le risposte restano in questa pagina: riprovi tra qualche minuto con «Invia di nuovo».";
const REQUIRED_IT = "Questa domanda è obbligatoria: scelga o scriva una risposta.";

let browser;

before(async () => {
  browser = await launchBrowser();
  mkdirSync(join(ARTIFACTS_DIR, "serve"), { recursive: true });
});

after(async () => {
  await browser?.close();
});

/** A database boolean (SQLite 0/1, PostgreSQL true/false) as 0/1. */
const bit = (v) => (v === true ? 1 : v === false ? 0 : v);

/** Answer the INPS form: low satisfaction, two reasons with a specify text, a comment. */
async function answerInps(page, comment) {
  for (const [id, code] of [["facilita", 4], ["informazioni", 9], ["efficacia", 3], ["soddisfazione", 1], ["motivi", 2], ["motivi", 99], ["documenti", 1]]) {
    await page.click(`label[for=${id}-${code}]`);
  }
  await page.fill("#motivi_99_text", "Troppi passaggi");
  await page.fill("#commento-input", comment);
}

/** The checked radios and boxes and the texts of the form, to see that nothing was lost. */
async function formState(page) {
  return page.evaluate(() => ({
    checked: [...document.querySelectorAll("#rileva-form input:checked")].map((e) => e.id).sort(),
    texts: [...document.querySelectorAll("#rileva-form textarea, #rileva-form input[type=text]")].map((e) => e.value),
  }));
}

async function submit(page) {
  await page.click("button[type=submit]");
  await page.waitForFunction(
    () => !document.getElementById("rileva-thanks").hidden || !document.getElementById("rileva-send-error").hidden,
    null,
    { timeout: 15000 },
  );
  return (await page.isVisible("#rileva-thanks")) ? "thanks" : "failed";
}

for (const kind of DATABASES) {
  describe(`the web form against rileva serve on ${kind}`, () => {
    let db, server;

    before(async () => {
      db = await freshDatabase(kind);
      server = await startServe({ sources: [INPS], db: db.url });
    });

    after(async () => {
      await server?.stop();
      await db?.drop();
    });

    /** The stored rows whose comment is `comment`. */
    const stored = (comment) =>
      db.rows(
        `SELECT response_id, survey_version, language, channel, facilita, informazioni, efficacia, soddisfazione, ` +
          `motivi_1, motivi_2, motivi_99, motivi_99_text, documenti, commento FROM ${TABLE} ` +
          `WHERE commento = '${comment.replaceAll("'", "''")}' ORDER BY response_id`,
      );
    const keyOf = async (key) => db.rows(`SELECT response_id FROM rileva_idempotency WHERE idempotency_key = '${key}'`);

    test("a valid response is stored once, with the key the page sent", async () => {
      const page = await newPage(browser);
      const sent = watchResponses(page);
      await page.goto(`${server.url}/s/inps.hub_prestazioni/form.it.html`);
      const comment = `Prima risposta ${kind}: «ok» & <b>'grazie'</b>`;
      await answerInps(page, comment);
      assert.equal(await submit(page), "thanks");
      assert.equal(sent.length, 1);
      assert.match(sent[0].key, UUID_V4);
      assert.equal(sent[0].contentType, "application/json");
      const rows = await stored(comment);
      assert.deepEqual(rows.map((r) => ({ ...r, response_id: undefined, motivi_1: bit(r.motivi_1), motivi_2: bit(r.motivi_2), motivi_99: bit(r.motivi_99) })), [
        {
          response_id: undefined,
          survey_version: "1.0.0",
          language: "it",
          channel: "web",
          facilita: 4,
          informazioni: 9,
          efficacia: 3,
          soddisfazione: 1,
          motivi_1: 0,
          motivi_2: 1,
          motivi_99: 1,
          motivi_99_text: "Troppi passaggi",
          documenti: 1,
          commento: comment,
        },
      ]);
      assert.deepEqual(await keyOf(sent[0].key), [{ response_id: rows[0].response_id }]);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });

    test("a send while the server is stopped keeps the answers and says so; the resend stores one row", async () => {
      const page = await newPage(browser, { viewport: PHONE });
      const sent = watchResponses(page);
      await page.goto(`${server.url}/s/inps.hub_prestazioni/form.it.html`);
      const comment = `Server fermo ${kind}`;
      await answerInps(page, comment);
      const answered = await formState(page);
      assert.equal(await server.stop(), 0, "SIGTERM stops the server cleanly");

      assert.equal(await submit(page), "failed");
      assert.equal((await page.textContent("#rileva-send-error-text")).trim(), SEND_FAILED.it);
      assert.equal(await page.evaluate(() => document.activeElement.id), "rileva-send-error", "the message takes the focus");
      assert.equal((await page.textContent("button[type=submit]")).trim(), "Invia di nuovo");
      assert.equal(await page.isDisabled("button[type=submit]"), false);
      assert.deepEqual(await formState(page), answered, "the answers are kept");
      const violations = await runAxe(page);
      assert.deepEqual(violations, [], describeViolations(violations));
      await page.screenshot({ path: join(ARTIFACTS_DIR, "serve", `form-send-failed.${kind}.png`) });
      const fits = await page.evaluate(() => {
        const box = document.getElementById("rileva-send-error").getBoundingClientRect();
        return { message: box.left >= 0 && box.right <= window.innerWidth, page: document.documentElement.scrollWidth <= window.innerWidth };
      });
      // The whole page too, with the "Altro: specificare" box open (WCAG 1.4.10, reflow).
      assert.deepEqual(fits, { message: true, page: true }, "the message and the page fit the phone's width");
      assert.equal((await stored(comment)).length, 0);

      server = await server.restart();
      assert.equal(await submit(page), "thanks");
      assert.equal(sent.length, 2, "one failed send, one resend");
      assert.equal(sent[1].key, sent[0].key, "the resend carries the same key");
      assert.equal(sent[1].body, sent[0].body, "and the same body");
      const rows = await stored(comment);
      assert.equal(rows.length, 1);
      assert.deepEqual(await keyOf(sent[0].key), [{ response_id: rows[0].response_id }]);
      // Chromium logs the refused connection; nothing else may fail.
      assert.deepEqual(page.errors.filter((e) => !e.startsWith("Failed to load resource")), []);
      await page.context().close();
    });

    test("a lost acknowledgement: the resend is answered 200 with the same id, nothing is stored twice", async () => {
      const page = await newPage(browser);
      // Without crypto.randomUUID (plain http on a LAN) the key comes from getRandomValues.
      await page.addInitScript(() => {
        delete Crypto.prototype.randomUUID;
      });
      const sent = watchResponses(page);
      const answers = [];
      // The statuses the page sees. (Not the bodies: the form does not read a 2xx body,
      // and Playwright cannot give a body the page never consumed.)
      page.on("response", (r) => {
        if (r.request().method() === "POST") answers.push(r.status());
      });
      const replays = async () => {
        const text = await (await fetch(`${server.url}/metrics`)).text();
        const line = text.split("\n").find((l) => l.startsWith('rileva_responses_total{survey="inps.hub_prestazioni",version="1.0.0",outcome="replayed"}'));
        return Number(line.split(" ").at(-1));
      };
      const replaysBefore = await replays();
      await page.goto(`${server.url}/s/inps.hub_prestazioni/form.en.html`);
      const comment = `Lost acknowledgement ${kind}`;
      await answerInps(page, comment);
      // The request reaches the real server, which stores it; its answer never reaches
      // the page, which sees the connection reset.
      const reached = [];
      await page.route(
        (url) => url.pathname === "/responses",
        async (route) => {
          const response = await route.fetch();
          reached.push({ status: response.status(), body: await response.json() });
          await route.abort("connectionreset");
        },
        { times: 1 },
      );
      assert.equal(await submit(page), "failed");
      assert.equal((await page.textContent("#rileva-send-error-text")).trim(), SEND_FAILED.en);
      assert.equal((await page.textContent("button[type=submit]")).trim(), "Send again");
      assert.equal(reached.length, 1);
      assert.equal(reached[0].status, 201, "the server stored the first send");
      assert.equal((await stored(comment)).length, 1);

      assert.equal(await submit(page), "thanks");
      assert.equal(sent.length, 2);
      assert.match(sent[0].key, UUID_V4);
      assert.equal(sent[1].key, sent[0].key);
      assert.equal(sent[1].body, sent[0].body);
      assert.deepEqual(answers, [200], "the resend is a replay");
      assert.equal(await replays(), replaysBefore + 1, "the server counted one replay");
      const rows = await stored(comment);
      assert.equal(rows.length, 1, "stored once");
      assert.equal(rows[0].response_id, reached[0].body.response_id);
      assert.equal(rows[0].language, "en");
      await page.context().close();
    });

    test("a 422 shows the service's reasons on their questions, stores nothing, and the resend is stored", async () => {
      const page = await newPage(browser);
      const sent = watchResponses(page);
      await page.goto(`${server.url}/s/inps.hub_prestazioni/form.it.html`);
      const comment = `Rifiutata ${kind}`;
      await answerInps(page, comment);
      // Altered on the way (as a broken proxy or an old page might): a required answer
      // dropped, an unknown key added. The server judges it.
      await page.route(
        (url) => url.pathname === "/responses",
        async (route) => {
          const body = JSON.parse(route.request().postData());
          delete body.answers.soddisfazione;
          delete body.answers.motivi;
          delete body.answers.motivi_99_text;
          body.answers.extra = 1;
          await route.continue({ postData: JSON.stringify(body) });
        },
        { times: 1 },
      );
      assert.equal(await submit(page), "failed");
      assert.equal((await page.textContent("#rileva-send-error-text")).trim(), "Il servizio non ha accettato le risposte per questi motivi:");
      const reasons = await page.$$eval("#rileva-send-error-list li", (items) =>
        items.map((li) => ({
          href: li.querySelector("a")?.getAttribute("href") ?? null,
          text: li.textContent,
          english: !!li.querySelector("[lang=en]"),
        })),
      );
      const required = reasons.find((r) => r.href === "#soddisfazione-1");
      assert.ok(required, `a reason linked to soddisfazione: ${JSON.stringify(reasons)}`);
      assert.ok(required.text.endsWith(REQUIRED_IT), required.text);
      assert.equal(required.english, false, "a reason the page knows is in the page's words");
      assert.equal(await page.textContent("#soddisfazione-error"), REQUIRED_IT);
      const unknown = reasons.find((r) => r.href === null);
      assert.ok(unknown && unknown.english && /extra/.test(unknown.text), `the unknown key, in the service's words: ${JSON.stringify(reasons)}`);
      assert.equal((await stored(comment)).length, 0, "nothing stored");

      await page.click("#rileva-send-error-list a");
      assert.equal(await page.evaluate(() => document.activeElement.id), "soddisfazione-1");
      assert.equal(await submit(page), "thanks");
      assert.equal(sent.length, 2);
      assert.equal(sent[1].key, sent[0].key, "a 422 stores no key: the same key is used again");
      const rows = await stored(comment);
      assert.equal(rows.length, 1);
      assert.equal(rows[0].soddisfazione, 1);
      await page.context().close();
    });

    test("the bootstrap-italia form is stored; over the rate limit the respondent is told to try later", async () => {
      const own = await freshDatabase(kind);
      const other = await startServe({ sources: [VALUTAZIONE], db: own.url, args: ["--html-theme", "bootstrap-italia", "--rate-limit", "1"] });
      try {
        const page = await newPage(browser);
        await page.goto(`${other.url}/s/roma.pagina_informativa/form.it.html`);
        assert.ok(await page.$("[data-element=feedback]"), "the Designers Italia rating component");
        const detail = `Pagina chiara ${kind}`;
        await page.click("label[for=valutazione-5]");
        await page.click("label[for=aspetti_positivi-1]");
        await page.fill("#dettagli-input", detail);
        assert.equal(await submit(page), "thanks");
        const rows = () => own.rows(`SELECT valutazione, aspetti_positivi, dettagli FROM roma_pagina_informativa_v1 ORDER BY response_id`);
        assert.deepEqual(await rows(), [{ valutazione: 5, aspetti_positivi: 1, dettagli: detail }]);

        // A second response from the same address within the minute: 429.
        const second = await newPage(browser, { viewport: PHONE });
        await second.goto(`${other.url}/s/roma.pagina_informativa/form.it.html`);
        await second.click("label[for=valutazione-2]");
        assert.equal(await submit(second), "failed");
        assert.equal((await second.textContent("#rileva-send-error-text")).trim(), UNAVAILABLE_IT);
        assert.equal(await second.isChecked("#valutazione-2"), true, "the answer is kept");
        assert.match(await second.getAttribute("#rileva-send-error", "class"), /\balert alert-danger\b/);
        const violations = await runAxe(second);
        assert.deepEqual(violations, [], describeViolations(violations));
        await second.screenshot({ path: join(ARTIFACTS_DIR, "serve", `form-rate-limited.bootstrap-italia.${kind}.png`) });
        assert.equal((await rows()).length, 1, "nothing more stored");
        await page.context().close();
        await second.context().close();
      } finally {
        await other.stop();
        await own.drop();
      }
    });
  });
}
