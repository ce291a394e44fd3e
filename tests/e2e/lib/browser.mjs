// Launch Debian's Chromium through playwright-core (never a downloaded browser), with a
// fresh profile, and open pages that cannot reach anything but the loopback interface.

import { chromium } from "playwright-core";
import { pool, requireChromium } from "./paths.mjs";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const PHONE = { width: 320, height: 640 };
export const DESKTOP = { width: 1280, height: 900 };

/** A headless Chromium; playwright gives it a fresh temporary user-data dir. */
export async function launchBrowser() {
  const executablePath = requireChromium();
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

function isLoopback(url) {
  if (url.startsWith("data:") || url.startsWith("about:") || url.startsWith("blob:")) return true;
  try {
    const host = new URL(url).hostname;
    return host === "127.0.0.1" || host === "localhost" || host === "[::1]";
  } catch {
    return false;
  }
}

/**
 * A page in its own context (viewport `viewport`, default desktop) whose requests to
 * anything but loopback are aborted and listed in `page.blocked`; console errors and
 * uncaught exceptions are listed in `page.errors`.
 */
export async function newPage(browser, { viewport = DESKTOP, javaScript = true } = {}) {
  const context = await browser.newContext({ viewport, javaScriptEnabled: javaScript });
  const page = await context.newPage();
  page.blocked = [];
  page.errors = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (isLoopback(url)) return route.continue();
    page.blocked.push(url);
    return route.abort();
  });
  page.on("pageerror", (e) => page.errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") page.errors.push(m.text());
  });
  return page;
}

/**
 * Run `fn(page, item, index)` for every item on `n` pages opened once and reused (each
 * item should load its own document); resolves to the results in order. Creating a
 * browser context costs far more than loading a page.
 */
export async function withPages(browser, items, n, fn, options = {}) {
  const pages = [];
  for (let i = 0; i < Math.min(n, items.length); i++) pages.push(await newPage(browser, options));
  const all = [...pages];
  try {
    return await pool(items, pages.length, async (item, index) => {
      const page = pages.pop();
      page.errors.length = 0;
      page.blocked.length = 0;
      try {
        return await fn(page, item, index);
      } finally {
        pages.push(page);
      }
    });
  } finally {
    await Promise.all(all.map((p) => p.context().close()));
  }
}
