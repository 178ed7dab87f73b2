// Undo and redo as people use them: with the real keyboard and the real clipboard, inside a
// form field with typing not yet committed, and across pastes in the JSON view (issue 8).
import { test } from "node:test";
import assert from "node:assert/strict";
import { doc, form, open, serveAndLaunch, setJson, settled } from "./harness.mjs";

let server;
let browser;
serveAndLaunch((s, b) => {
  server = s;
  browser = b;
});


/** Every console message, whatever its level: Chromium reports a `preventDefault` that a
 * passive listener could not honour as a plain message, not as an error. */
function allConsole(page) {
  const messages = [];
  page.on("console", (m) => messages.push(m.text()));
  return messages;
}

test("Ctrl+Z inside a field first reverts its uncommitted typing, then steps through the history; redo never duplicates", async () => {
  const { page, consoleErrors } = await open(browser, server.url);
  const messages = allConsole(page);
  const starter = await doc(page);
  assert.equal(starter.name, "ubuntu-2204-base");

  // A template without a name, so the Name field starts empty.
  const pasted = { ...starter, location: "northeurope" };
  delete pasted.name;
  await setJson(page, JSON.stringify(pasted, null, 2));
  assert.deepEqual(await doc(page), pasted);

  await page.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: /^Basics/ }).click();
  const name = form(page).getByLabel("Name", { exact: true });
  await name.click();
  await page.keyboard.type("my-templat");
  assert.equal(await name.inputValue(), "my-templat");
  assert.deepEqual(await doc(page), pasted, "typing is not committed while the field has focus");

  await page.keyboard.press("Control+z");
  assert.equal(await name.inputValue(), "", "the first undo reverts the typing in the field");
  assert.deepEqual(await doc(page), pasted, "the document is untouched");

  await page.keyboard.press("Control+z");
  await settled(page);
  assert.deepEqual(await doc(page), starter, "the next undo steps back past the paste");
  assert.equal(await name.inputValue(), "ubuntu-2204-base");

  await page.keyboard.press("Control+Shift+z");
  await settled(page);
  assert.deepEqual(await doc(page), pasted, "redo brings the paste back");
  assert.equal(await name.inputValue(), "", "redo never brings back the reverted typing twice");

  await page.keyboard.press("Control+Shift+z");
  assert.deepEqual(await doc(page), pasted, "nothing more to redo");
  assert.equal(await name.inputValue(), "");

  // Leaving the field saves nothing: there is no typing left to commit.
  await page.keyboard.press("Tab");
  assert.deepEqual(await doc(page), pasted);

  assert.deepEqual(messages.filter((m) => /preventDefault/.test(m)), [], "no shortcut is handled by a passive listener");
  assert.deepEqual(consoleErrors, []);
});

test("after typing is committed (Enter), Ctrl+Z in the field undoes that edit as one step", async () => {
  const { page } = await open(browser, server.url);
  const starter = await doc(page);
  const name = form(page).getByLabel("Name", { exact: true });
  await name.click();
  await page.keyboard.press("Control+a");
  await page.keyboard.type("renamed");
  await page.keyboard.press("Enter");
  assert.equal((await doc(page)).name, "renamed");

  await page.keyboard.press("Control+z");
  assert.deepEqual(await doc(page), starter);
  assert.equal(await name.inputValue(), "ubuntu-2204-base");
  await page.keyboard.press("Control+Shift+z");
  assert.equal((await doc(page)).name, "renamed");
  assert.equal(await name.inputValue(), "renamed");
});

test("two select-all-and-paste operations in the JSON view are two undo steps", async () => {
  const { page } = await open(browser, server.url);
  const starter = await doc(page);
  const first = { ...starter, location: "northeurope" };
  const second = { ...starter, location: "eastus" };

  await setJson(page, JSON.stringify(first, null, 2));
  await setJson(page, JSON.stringify(second, null, 2));
  assert.deepEqual(await doc(page), second);

  await page.keyboard.press("Control+z");
  assert.deepEqual(await doc(page), first, "one undo restores the first paste");
  await page.keyboard.press("Control+z");
  assert.deepEqual(await doc(page), starter);
  await page.keyboard.press("Control+Shift+z");
  await page.keyboard.press("Control+Shift+z");
  assert.deepEqual(await doc(page), second);
});
