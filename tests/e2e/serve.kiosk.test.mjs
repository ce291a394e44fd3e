// The kiosk against the real collection service, on SQLite and on PostgreSQL: Chromium taps
// through the page `rileva serve` serves while the server is killed (SIGKILL) and the
// browser goes offline, then the server starts again on the same port and the network comes
// back; every response tapped is stored exactly once, read back with sqlite3 / psql, under
// the key the kiosk queued it with. Also a lost acknowledgement (the server stores, the
// page sees a reset), a refusal that can never succeed (set aside, the queue goes on), and
// on PostgreSQL the database going away under the running server (503, then stored once).

import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { DATABASES, REPO_ROOT, eventually, freshDatabase, launchBrowser, newPage, startServe, watchResponses } from "./lib/index.mjs";
import { queued, shownScreen, tap, waitForQuestion } from "./lib/kiosk-helpers.mjs";

const SPORTELLO = join(REPO_ROOT, "tests/contract/lecce_anagrafe_sportello.rileva");
const TABLE = "lecce_anagrafe_sportello_v1";
const THANKS_MS = 6000;

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** A kiosk page of `server` at the survey's screen size, with a controllable clock. */
async function openKiosk(server, lang = "it") {
  const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
  await page.clock.install();
  const sent = watchResponses(page);
  await page.goto(`${server.url}/s/lecce.anagrafe_sportello/kiosk/kiosk.${lang}.html`);
  await waitForQuestion(page, "giudizio");
  return { page, sent };
}

/** Tap `steps` ([question, button]) and wait for the thank-you screen, then the first screen. */
async function respond(page, steps) {
  for (const [question, button] of steps) {
    await waitForQuestion(page, question);
    await tap(page, button);
  }
  await waitForQuestion(page, undefined);
  await page.clock.fastForward(THANKS_MS);
  await waitForQuestion(page, "giudizio");
}

const emptyQueue = (page) => eventually(async () => (await queued(page)).length === 0, "the kiosk's queue to empty");

for (const kind of DATABASES) {
  describe(`the kiosk against rileva serve on ${kind}`, () => {
    let db, server;

    before(async () => {
      db = await freshDatabase(kind);
      server = await startServe({ sources: [SPORTELLO], db: db.url });
    });

    after(async () => {
      await server?.stop();
      await db?.drop();
    });

    const rows = () =>
      db.rows(`SELECT r.response_id, r.language, r.channel, r.giudizio, r.motivo, r.ufficio, k.idempotency_key AS key FROM ${TABLE} r ` +
        `LEFT JOIN rileva_idempotency k ON k.response_id = r.response_id AND k.response_table = '${TABLE}' ORDER BY r.response_id`);
    const stored = async () => (await rows()).map(({ response_id, ...r }) => r);

    test("responses tapped while the server is killed and the browser offline are each stored once when both come back", async () => {
      const { page, sent } = await openKiosk(server);

      // A: the server is up; stored at once.
      await respond(page, [["giudizio", { code: 3 }], ["ufficio", { code: 2 }]]);
      await emptyQueue(page);
      const [a] = sent.map((s) => s.key);
      assert.deepEqual(await stored(), [{ language: "it", channel: "kiosk", giudizio: 3, motivo: null, ufficio: 2, key: a }]);

      // B: the server is killed; the send is refused and the response stays queued.
      assert.equal(await server.kill(), "SIGKILL");
      await respond(page, [["giudizio", { code: 1 }], ["motivo", { code: 4 }], ["ufficio", { action: "skip" }]]);
      // C: in English, with the browser offline.
      await page.context().setOffline(true);
      await tap(page, { action: "language" });
      assert.equal((await shownScreen(page)).lang, "en");
      await respond(page, [["giudizio", { code: 2 }], ["ufficio", { code: 1 }]]);
      // Time passes: the kiosk keeps trying (backing off) while nothing answers.
      await page.clock.fastForward(30000);
      const waiting = await queued(page);
      assert.deepEqual(
        waiting.map((q) => ({ language: q.body.language, answers: q.body.answers })),
        [
          { language: "it", answers: { giudizio: 1, motivo: 4 } },
          { language: "en", answers: { giudizio: 2, ufficio: 1 } },
        ],
      );
      const triesWhileDown = sent.filter((s) => s.key === waiting[0].id).length;
      assert.ok(triesWhileDown >= 1, `the kiosk tried while the server was down (${triesWhileDown})`);
      assert.equal((await rows()).length, 1, "nothing stored while the server is down");

      // The server starts again on the same port; the network comes back (`online`).
      server = await server.restart();
      await page.context().setOffline(false);
      await emptyQueue(page);
      // Later retry triggers send nothing again.
      await page.evaluate(() => window.dispatchEvent(new Event("online")));
      await page.clock.fastForward(120000);
      await page.waitForTimeout(300);

      assert.deepEqual(await stored(), [
        { language: "it", channel: "kiosk", giudizio: 3, motivo: null, ufficio: 2, key: a },
        { language: "it", channel: "kiosk", giudizio: 1, motivo: 4, ufficio: null, key: waiting[0].id },
        { language: "en", channel: "kiosk", giudizio: 2, motivo: null, ufficio: 1, key: waiting[1].id },
      ]);
      for (const item of waiting) {
        const bodies = new Set(sent.filter((s) => s.key === item.id).map((s) => s.body));
        assert.equal(bodies.size, 1, "every try of a response carries the same body");
      }
      assert.ok(sent.every((s) => s.contentType === "application/json"));
      assert.deepEqual(page.errors.filter((e) => !e.startsWith("Failed to load resource")), []);
      await page.context().close();
    });

    test("a lost acknowledgement: the kiosk sends again with the same key and the server stores it once", async () => {
      const { page, sent } = await openKiosk(server, "en");
      const before = (await rows()).length;
      const reached = [];
      await page.route(
        (url) => url.pathname === "/responses",
        async (route) => {
          const response = await route.fetch();
          reached.push(response.status());
          await route.abort("connectionreset");
        },
        { times: 1 },
      );
      await tap(page, { code: 1 });
      await waitForQuestion(page, "motivo");
      await tap(page, { code: 2 });
      await waitForQuestion(page, "ufficio");
      // The page's time stops before the last tap (past the double-tap guard): the kiosk's
      // retry, 1 to 2 s after the reset, waits until the test moves the clock.
      await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 400);
      await tap(page, { code: 3 });
      await waitForQuestion(page, undefined);
      await eventually(() => reached.length === 1, "the first send to reach the server");
      assert.deepEqual(reached, [201]);
      assert.equal((await queued(page)).length, 1, "without the acknowledgement the response stays queued");
      // The backoff after one failure is at most 2 s.
      await page.clock.fastForward(2500);
      await emptyQueue(page);
      assert.equal(sent.length, 2);
      assert.equal(sent[1].key, sent[0].key);
      assert.equal(sent[1].body, sent[0].body);
      const all = await stored();
      assert.equal(all.length, before + 1, "stored once");
      assert.deepEqual(all.at(-1), { language: "en", channel: "kiosk", giudizio: 1, motivo: 2, ufficio: 3, key: sent[0].key });
      await page.context().close();
    });

    // PostgreSQL only: a SQLite file cannot be taken away from the server that holds it open.
    if (kind === "postgres") test("while the database is down the server answers 503 and the kiosk waits; the response is stored once when it is back", async () => {
      const { page, sent } = await openKiosk(server);
      const before = (await rows()).length;
      const answered = [];
      page.on("response", (r) => {
        if (new URL(r.url()).pathname === "/responses") answered.push({ key: r.request().headers()["idempotency-key"], status: r.status(), retryAfter: r.headers()["retry-after"] });
      });
      await db.down();
      try {
        await respond(page, [["giudizio", { code: 1 }], ["motivo", { code: 1 }], ["ufficio", { code: 1 }]]);
        await eventually(() => answered.length >= 1, "the server's answer while the database is down");
        assert.deepEqual(answered[0], { key: sent[0].key, status: 503, retryAfter: "5" });
        assert.equal((await fetch(`${server.url}/healthz`)).status, 503, "/healthz says the database is down");
        assert.equal((await queued(page)).length, 1, "the response stays queued");
      } finally {
        await db.down(false);
      }
      // The kiosk waits the Retry-After (5 s), then sends again with the same key.
      await page.clock.fastForward(6000);
      await emptyQueue(page);
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200, "the server recovered by itself");
      assert.ok(answered.every((a) => a.key === sent[0].key));
      assert.equal(answered.at(-1).status, 201);
      assert.ok(answered.slice(0, -1).every((a) => a.status === 503), JSON.stringify(answered));
      const all = await stored();
      assert.equal(all.length, before + 1, "stored once");
      assert.deepEqual(all.at(-1), { language: "it", channel: "kiosk", giudizio: 1, motivo: 1, ufficio: 1, key: sent[0].key });
      await page.context().close();
    });

    test("a response the server refuses for good is set aside and the queue goes on", async () => {
      const { page, sent } = await openKiosk(server);
      const before = (await rows()).length;
      // The first response is altered on the way into one the server can never accept
      // (an unknown version: 404), on every try; the second is sent as tapped. The route
      // sees the tries made while offline too (they fail before the network), so the first
      // response is known by its key, not by counting requests.
      let doomed;
      const answered = [];
      page.on("response", (r) => {
        if (new URL(r.url()).pathname === "/responses") answered.push({ key: r.request().headers()["idempotency-key"], status: r.status() });
      });
      await page.route(
        (url) => url.pathname === "/responses",
        async (route) => {
          const key = route.request().headers()["idempotency-key"];
          doomed ??= key;
          if (key !== doomed) return route.continue();
          const body = JSON.parse(route.request().postData());
          body.version = "9.9.9";
          await route.continue({ postData: JSON.stringify(body) });
        },
      );
      // Both are queued before the first send answers: stop the server's acknowledgement from
      // racing by tapping the second while offline.
      await page.context().setOffline(true);
      await respond(page, [["giudizio", { code: 2 }], ["ufficio", { code: 3 }]]);
      await respond(page, [["giudizio", { code: 3 }], ["ufficio", { code: 1 }]]);
      const waiting = await queued(page);
      assert.equal(waiting.length, 2);
      assert.equal(doomed, waiting[0].id, "the first queued response is the one altered");
      await page.context().setOffline(false);
      await emptyQueue(page);
      const rejected = await page.evaluate(() => {
        const key = Object.keys(localStorage).find((k) => k.startsWith("rileva.kiosk.rejected:"));
        return key ? JSON.parse(localStorage.getItem(key)) : [];
      });
      assert.equal(rejected.length, 1);
      assert.equal(rejected[0].id, waiting[0].id);
      assert.equal(rejected[0].status, 404);
      assert.match(rejected[0].answer, /unknown-version/);
      assert.deepEqual(JSON.parse(rejected[0].body).answers, { giudizio: 2, ufficio: 3 });
      const all = await stored();
      assert.equal(all.length, before + 1);
      assert.deepEqual(all.at(-1), { language: "it", channel: "kiosk", giudizio: 3, motivo: null, ufficio: 1, key: waiting[1].id });
      assert.deepEqual(
        answered.filter((a) => a.key === waiting[0].id).map((a) => a.status),
        [404],
        "a refused response reaches the server once and is not sent again",
      );
      assert.deepEqual(answered.filter((a) => a.key === waiting[1].id).map((a) => a.status), [201]);
      assert.ok(sent.filter((s) => s.key === waiting[0].id).length >= 2, "it was tried while offline, then once online");
      await page.context().close();
    });
  });
}
