// Kiosk page helpers for the browser tests: which screen shows, tapping with the kiosk's
// double-tap guard, reading the local response queue, and an endpoint that can go down.

/** The kiosk ignores taps this long after a screen changes (kiosk.js `quietUntil`). */
export const QUIET_MS = 300;

/** The screen shown now: {id, question (undefined on the thank-you screen), lang}. */
export async function shownScreen(page) {
  return page.evaluate(() => {
    const shown = [...document.querySelectorAll("section.screen")].filter((s) => !s.hidden);
    if (shown.length !== 1) throw new Error(`${shown.length} screens shown at once`);
    return {
      id: shown[0].id,
      question: shown[0].dataset.question,
      lang: document.documentElement.lang,
    };
  });
}

/** Wait until the shown screen answers `question` (undefined: the thank-you screen). */
export async function waitForQuestion(page, question, timeout = 5000) {
  await page.waitForFunction(
    (q) => {
      const s = [...document.querySelectorAll("section.screen")].find((x) => !x.hidden);
      return s && s.dataset.question === (q ?? undefined);
    },
    question ?? null,
    { timeout },
  );
}

/** Tap a button of the shown screen by its answer code or control action, past the guard. */
export async function tap(page, { code, action }) {
  const selector = code !== undefined ? `[data-code="${code}"]` : `[data-action="${action}"]`;
  await page.locator(`section.screen:not([hidden]) button${selector}`).click();
  await page.waitForTimeout(QUIET_MS + 50);
}

/** The responses waiting in the kiosk's localStorage queue: [{id, body (parsed)}]. */
export async function queued(page) {
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("rileva.kiosk.queue:"));
    const items = key ? JSON.parse(localStorage.getItem(key)) : [];
    return items.map((i) => ({ id: i.id, body: JSON.parse(i.body) }));
  });
}

/**
 * Put a switchable fault in front of `endpointPath` on `page`: mode "error" answers 503,
 * "abort" fails the connection, "up" lets the request through to the server. Every
 * request is logged as {mode, key (Idempotency-Key), body}.
 */
export async function faultyEndpoint(page, endpointPath = "/responses") {
  const state = { mode: "up", log: [] };
  await page.route(
    (url) => url.pathname === endpointPath,
    (route) => {
      const request = route.request();
      state.log.push({ mode: state.mode, key: request.headers()["idempotency-key"], body: request.postData() });
      if (state.mode === "error") return route.fulfill({ status: 503, body: "down for maintenance" });
      if (state.mode === "abort") return route.abort("connectionrefused");
      return route.continue();
    },
  );
  return state;
}
