// The check runs in a Web Worker, not on the page's thread: while the worker is busy, the page
// still takes typing and shows the last findings as being updated; the new findings come when
// the worker is free again.
import { test } from "node:test";
import assert from "node:assert/strict";
import { doc, json, open, serveAndLaunch, settled, status } from "./harness.mjs";

let server;
let browser;
serveAndLaunch((s, b) => { server = s; browser = b; });

const busy = (page) => page.locator(".status-bar [role=status]").getAttribute("aria-busy");

test("the checker is a worker: the page types and shows stale findings while the worker is busy", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const workerStarted = page.waitForEvent("worker");
  await page.goto(server.url);
  const worker = await workerStarted;
  assert.match(worker.url(), /checker_loader\.js$/);
  await page.getByRole("textbox", { name: "Template JSON" }).waitFor();
  await settled(page);
  const before = await status(page);
  const text = await json(page);

  // Keep the worker's thread busy for a while, as a long check would.
  const release = worker.evaluate(() => new Promise((resolve) => {
    const until = Date.now() + 3000;
    while (Date.now() < until);
    resolve();
  }));
  const editor = page.getByRole("textbox", { name: "Template JSON" });
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("}");
  // The page took the keystroke at once; the check of the new text waits for the worker.
  assert.equal(await json(page), `${text}}`);
  assert.equal(await busy(page), "true", "the findings are marked as being updated");
  assert.equal(await page.locator(".status-bar [role=status]").textContent(), before, "the last findings stay on screen");

  await release;
  await settled(page);
  assert.notEqual(await status(page), before, "the extra brace is an error once the worker answers");
  await context.close();
});

test("a checker that cannot load is reported, and the form still works", async () => {
  const context = await browser.newContext();
  // A host that does not serve the checker's WebAssembly.
  await context.route(/checker_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: "" }));
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole("textbox", { name: "Template JSON" }).waitFor();
  assert.equal(await busy(page), "true", "no findings yet: the status says it is checking");
  // The form works without the checker: the starter is strict JSON, parsed on the page.
  const name = page.locator(".form").getByLabel("Name", { exact: true });
  await name.click();
  await page.keyboard.press("Control+a");
  await page.keyboard.type("still-editable");
  await page.keyboard.press("Tab");
  assert.equal((await doc(page)).name, "still-editable");
  await page.getByText("The checker has not answered for 20 seconds").waitFor({ timeout: 40_000 });
  await context.close();
});
