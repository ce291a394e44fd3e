// Sites end to end (docs/language.md §4, `sites`): Chromium opens the Lecce kiosk and web
// form that the real `rileva serve` serves, with `?site=<id>` in the address as an office
// installs them, answers, and the test finds the site in the row stored in SQLite (read
// back with the sqlite3 tool). An unknown site: the kiosk shows the staff its configuration
// message and sends nothing; the form sends its response without a site (a respondent
// cannot mend a link); a response naming an unknown site is refused by the server (422,
// nothing stored). (The kiosk and form against PostgreSQL, and the server's faults, are in
// serve.*.test.mjs.)

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT, launchBrowser, newPage, rilevaBin, tempDir } from "./lib/index.mjs";
import { tap, waitForQuestion } from "./lib/kiosk-helpers.mjs";

const exec = promisify(execFile);
const LECCE = join(REPO_ROOT, "examples/lecce_anagrafe_kiosk.rileva");
const SURVEY = "lecce.anagrafe_kiosk";
const TABLE = "lecce_anagrafe_kiosk_v1";
const THANKS_MS = 6000;

let browser, server, db;

/** `rileva serve LECCE --db sqlite:FILE --listen 127.0.0.1:0`, once it says where it listens. */
async function startServe(file) {
  const child = spawn(rilevaBin(), ["serve", LECCE, "--db", `sqlite:${file}`, "--listen", "127.0.0.1:0"], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal)));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`rileva serve did not start in 60 s:\n${output}`)), 60000);
    const read = (d) => {
      output += d;
      const m = /listening on (http:\/\/[^\s/]+)\//.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    exited.then((status) => {
      clearTimeout(timer);
      reject(new Error(`rileva serve exited (${status}) before listening:\n${output}`));
    });
  });
  return { url, stop: async () => (child.kill("SIGTERM"), exited) };
}

/** The stored rows, read with the sqlite3 command-line tool. */
async function rows() {
  const sql = `SELECT response_id, channel, site, giudizio, pratica FROM ${TABLE} ORDER BY response_id`;
  const { stdout } = await exec("sqlite3", ["-json", "-bail", db, sql]).catch((e) => {
    throw e.code === "ENOENT" ? new Error("sqlite3 not found: run `apt-get install -y sqlite3`") : e;
  });
  return stdout.trim() ? JSON.parse(stdout).map(({ response_id, ...r }) => r) : [];
}

async function eventually(check, what, timeout = 15000) {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

before(async () => {
  db = join(tempDir("rileva-sites-"), "responses.db");
  server = await startServe(db);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  assert.equal(await server?.stop(), 0, "rileva serve exits 0 on SIGTERM");
});

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
  const answer = await page.evaluate(async () => {
    const body = { survey: "lecce.anagrafe_kiosk", version: "1.0.0", language: "it", channel: "web", site: "lecce_nord", answers: { giudizio: 3 } };
    const r = await fetch("/responses", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": "sites-test-unknown-site" },
      body: JSON.stringify(body),
    });
    return { status: r.status, type: r.headers.get("content-type"), body: await r.json() };
  });
  assert.equal(answer.status, 422, JSON.stringify(answer.body));
  assert.ok(JSON.stringify(answer.body).includes("site"), JSON.stringify(answer.body));
  assert.equal((await rows()).length, 3, "nothing stored");
  await page.close();
});
