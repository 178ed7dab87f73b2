// What a user on a slow link sees: a placeholder saying what is loading instead of a blank
// page, gone once the form is interactive (issue 8, "While it loads").
import { test } from "node:test";
import assert from "node:assert/strict";
import { serveAndLaunch } from "./harness.mjs";

let server;
let browser;
serveAndLaunch((s, b) => {
  server = s;
  browser = b;
});

test("a placeholder says what is loading until the app mounts, then is gone", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const consoleErrors = [];
  page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
  // Hold the WebAssembly back, as a slow link would, until the placeholder has been checked.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/\.wasm$/, async (route) => { await held; await route.continue(); });

  await page.goto(server.url, { waitUntil: "domcontentloaded" });
  const placeholder = page.getByRole("status").filter({ hasText: "Loading the template designer" });
  await placeholder.waitFor({ state: "visible" });
  assert.equal(await page.getByRole("textbox", { name: "Template JSON" }).count(), 0);

  release();
  const box = page.getByRole("textbox", { name: "Template JSON" });
  await box.waitFor();
  await page.locator(".form").getByLabel("Name", { exact: true }).click();
  assert.equal(await page.getByText("Loading the template designer").count(), 0, "the placeholder is gone once the form is interactive");
  assert.deepEqual(consoleErrors, [], "the placeholder needs nothing the Content-Security-Policy refuses");
  await context.close();
});
