// The shared helpers of rileva's browser tests (HTML form and kiosk).
export * from "./paths.mjs";
export * from "./browser.mjs";
export * from "./axe.mjs";
export * from "./vnu.mjs";
export * from "./server.mjs";
export * from "./rileva.mjs";
export * from "./expr.mjs";
export * from "./form.mjs";
export * from "./schema.mjs";
export * from "./collect.mjs";
