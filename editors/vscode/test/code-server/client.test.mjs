// The extension's client in a real VS Code: code-server (VS Code's own workbench and
// extension host, from npm) with rileva.vsix installed, opened in Chromium by
// playwright-core. A survey with a typo is opened as a user opens it (quick open); the
// test waits for the red squiggle, reads the problem in the Problems panel (R0101 and
// its help, from `rileva lsp`), and hovers a question to read its wording and codes;
// then types: the server's completion, and the language configuration's auto-closed
// brackets and quotes and `//` comments.
//
//   RILEVA_BIN=target/debug/rileva node --test editors/vscode/test/code-server/client.test.mjs
//   SCREENSHOT=docs/img/editor.png ...   also photographs the editor for the README.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const extension = path.resolve(here, "../..");
const root = path.resolve(extension, "../..");
const rileva = path.resolve(process.env.RILEVA_BIN || path.join(root, "target/debug/rileva"));
const vsix = path.join(extension, "rileva.vsix");
const codeServer = path.join(here, "node_modules/code-server/out/node/entry.js");
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";

let work, server, browser, page;

const ORARIO = `import comune.scale

survey comune.orario {
  version 1.0.0
  title "Orario" en "Opening hours"
  languages it en
  question accordo: scale accordo5 {
    "È d'accordo con il nuovo orario?" en "Do you agree with the new opening hours?"
  }
}
`;
const serverLog = [];

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

async function waitForHttp(url, ms) {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server not up at ${url}:\n${serverLog.join("")}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

before(async () => {
  for (const [what, file] of [
    ["rileva binary (cargo build)", rileva],
    ["rileva.vsix (npm run package in editors/vscode)", vsix],
    ["code-server (npm ci in editors/vscode/test/code-server)", codeServer],
    ["Chromium", chromiumPath],
  ]) {
    assert.ok(fs.existsSync(file), `missing ${what}: ${file}`);
  }
  work = fs.mkdtempSync(path.join(os.tmpdir(), "rileva-code-server-"));
  const userData = path.join(work, "user-data");
  const extensions = path.join(work, "extensions");
  const workspace = path.join(work, "progetto");
  fs.mkdirSync(path.join(userData, "User"), { recursive: true });
  fs.mkdirSync(workspace);
  // The user's survey, with one typo: `accordo55` for the stdlib scale `accordo5`.
  const survey = fs
    .readFileSync(path.join(root, "examples/inps_hub_prestazioni.rileva"), "utf8")
    .replace("scale accordo5 {", "scale accordo55 {");
  fs.writeFileSync(path.join(workspace, "hub_prestazioni.rileva"), survey);
  // A package of the project, found only through the extension's `rileva.lib` setting.
  fs.mkdirSync(path.join(workspace, "pacchetti/comune"), { recursive: true });
  fs.copyFileSync(
    path.join(root, "tests/ui_lib/comune/scale.rileva"),
    path.join(workspace, "pacchetti/comune/scale.rileva")
  );
  fs.writeFileSync(path.join(workspace, "orario.rileva"), ORARIO);
  fs.writeFileSync(
    path.join(userData, "User/settings.json"),
    JSON.stringify(
      {
        "rileva.path": rileva,
        "rileva.lib": ["pacchetti"],
        "workbench.startupEditor": "none",
        "workbench.tips.enabled": false,
        "workbench.colorTheme": "Default Light Modern",
        "workbench.secondarySideBar.defaultVisibility": "hidden",
        "chat.commandCenter.enabled": false,
        "extensions.autoCheckUpdates": false,
        "extensions.autoUpdate": false,
        "update.mode": "none",
        "telemetry.telemetryLevel": "off",
        "security.workspace.trust.enabled": false,
        "editor.minimap.enabled": false,
        "editor.hover.delay": 100,
        "window.commandCenter": false,
      },
      null,
      2
    )
  );
  const common = ["--user-data-dir", userData, "--extensions-dir", extensions];
  execFileSync(process.execPath, [codeServer, ...common, "--install-extension", vsix], { stdio: "pipe" });
  const installed = execFileSync(process.execPath, [codeServer, ...common, "--list-extensions"]).toString();
  assert.match(installed, /rileva\.rileva/);
  const port = await freePort();
  server = spawn(
    process.execPath,
    [
      codeServer,
      ...common,
      "--auth", "none",
      "--bind-addr", `127.0.0.1:${port}`,
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--disable-getting-started-override",
      "--ignore-last-opened",
      workspace,
    ],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, PATH: `${path.dirname(rileva)}:${process.env.PATH}` } }
  );
  server.stdout.on("data", (d) => serverLog.push(d.toString()));
  server.stderr.on("data", (d) => serverLog.push(d.toString()));
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000);
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector(".monaco-workbench", { timeout: 60_000 });
});

after(async () => {
  await browser?.close();
  if (server) {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

async function openFile(name) {
  await page.locator(".monaco-workbench").click({ position: { x: 640, y: 400 } });
  await page.keyboard.press("Control+P");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible" });
  await input.fill(name);
  // The list shows recent files first and the matches a moment later: wait for the file.
  await page.locator(".quick-input-list .monaco-list-row", { hasText: name }).first().waitFor();
  await page.keyboard.press("Enter");
  await page.locator(".tab.active", { hasText: name }).waitFor();
  await page.locator(".monaco-editor .view-line").first().waitFor();
}

// Hovers `word` in the editor's line `line` until a hover holding `expected` shows, and
// returns that hover's text. Monaco draws a run of one colour as one span, so the mouse
// goes to the middle of the word's own characters; it moves off and back on if the first
// move came while the editor was still laying out.
async function hoverWord(line, word, expected) {
  await line.waitFor();
  const hover = page.locator(".monaco-hover-content", { hasText: expected }).first();
  for (let attempt = 0; ; attempt++) {
    const box = await line.evaluate((el, word) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent.indexOf(word);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + word.length);
        const r = range.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }
      return null;
    }, word);
    assert.ok(box, `the word ${word} is drawn in the editor`);
    await page.mouse.move(box.x, box.y + 40);
    await page.mouse.move(box.x, box.y, { steps: 4 });
    try {
      await hover.waitFor({ state: "visible", timeout: 10_000 });
      return hover.innerText();
    } catch (error) {
      if (attempt === 2) throw error;
    }
  }
}

test("the extension starts rileva lsp: its diagnostic in the editor and the Problems panel, and a hover", async () => {
  await openFile("hub_prestazioni.rileva");
  // The language mode is the extension's.
  await page.locator(".statusbar-item", { hasText: "rileva" }).first().waitFor({ timeout: 30_000 });
  // The server's diagnostic: a red squiggle, then the Problems panel.
  await page.locator(".monaco-editor .squiggly-error").first().waitFor({ timeout: 60_000 });
  await page.keyboard.press("Control+Shift+M");
  const problems = page.locator(".markers-panel");
  await problems.waitFor({ state: "visible" });
  const row = problems.locator(".monaco-list-row", { hasText: "accordo55" }).first();
  await row.waitFor({ timeout: 30_000 });
  const shown = await problems.innerText();
  assert.match(shown, /unknown scale or options list `accordo55`/);
  assert.match(shown, /help: did you mean `accordo5`\?/);
  assert.match(shown, /R0101/);
  // A hover on a question of the standard in the survey's `check`: its wording, routing,
  // codes and lock. Go to line 46 first (Ctrl+G), which shows lines 35 to 57: the typo's
  // line stays in view above the hover.
  await page.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("Control+G");
  await page.keyboard.type("46");
  await page.keyboard.press("Enter");
  const check = page.locator(".monaco-editor .view-line", { hasText: "check not (motivi has 3" });
  const text = await hoverWord(check, "motivi", "Che cosa non ha funzionato?");
  assert.match(text, /question\s+motivi\s*:\s*multi/);
  assert.match(text, /locked by standard\s+istat\.cx 2024\.1/);
  assert.match(text, /What did not work\?/);
  assert.match(text, /Shown if\s+soddisfazione <= 2/);
  assert.match(text, /3\s+Problemi tecnici \/ Technical problems/);
  if (process.env.SCREENSHOT) {
    await page.waitForTimeout(1000); // the hover's fade-in
    await page.screenshot({ path: path.resolve(root, process.env.SCREENSHOT) });
  }
});

// Waits until a line of the editor reads `expected` (spaces as the editor draws them
// are plain spaces here): the editor applies typed keys asynchronously.
async function lineReads(expected, ms = 10_000) {
  const deadline = Date.now() + ms;
  let lines = [];
  while (Date.now() < deadline) {
    lines = (await page.locator(".monaco-editor .view-line").allInnerTexts()).map((l) =>
      l.replace(/\u00a0/g, " ").trim()
    );
    if (lines.includes(expected)) return;
    await page.waitForTimeout(100);
  }
  assert.fail(`no line reads ${JSON.stringify(expected)}; the editor shows:\n${lines.join("\n")}`);
}

test("completion from the server, and the language configuration: auto-closed quotes and brackets, line comments", async () => {
  await page.keyboard.press("Escape");
  // A new statement at the end of the survey, after the section (line 50).
  await page.keyboard.press("Control+G");
  await page.keyboard.type("50");
  await page.keyboard.press("Enter");
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("use ");
  const suggestion = page.locator(".suggest-widget .monaco-list-row", { hasText: "istat.cx.sportello" });
  await suggestion.first().waitFor({ state: "visible", timeout: 30_000 });
  await page.keyboard.press("Escape");
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  // On the next line, `"` and `[` close themselves; the comment command writes `//`.
  await page.keyboard.type('check x in [');
  await page.keyboard.press("End");
  await page.keyboard.type(' else "');
  await lineReads('check x in [] else ""');
  await page.keyboard.press("Control+Slash");
  await lineReads('// check x in [] else ""');
});

test("the rileva.lib setting reaches the server: a survey importing a package of the project", async () => {
  await openFile("orario.rileva");
  const line = page.locator(".monaco-editor .view-line", { hasText: "question accordo: scale accordo5" });
  // The scale of the package, not the standard library's of the same name.
  const text = await hoverWord(line, "accordo5", "comune.scale.accordo5");
  assert.match(text, /Agreement, 4 points without a neutral middle\./);
});
