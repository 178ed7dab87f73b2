// The JSON view's code editor: findings of the check are squiggles in the text, whose tooltip
// says what is wrong and offers the fix.
import { test } from "node:test";
import assert from "node:assert/strict";
import { doc, json, open, serveAndLaunch, setJson } from "./harness.mjs";

let server;
let browser;
serveAndLaunch((s, b) => { server = s; browser = b; });

test("a planted mistake gets a squiggle, and its tooltip's Fix button fixes it", async () => {
  const { page, consoleErrors } = await open(browser, server.url);
  const template = (await doc(page));
  template.properties.distribute[0].aritfactTags = { team: "images" };
  await setJson(page, JSON.stringify(template, null, 2));

  // The squiggle sits under the misspelt key (the editor lives in a shadow root, which
  // Playwright's locators enter).
  const squiggle = page.locator(".cm-lintRange-error", { hasText: "aritfactTags" });
  await squiggle.waitFor();
  await squiggle.hover();
  const tooltip = page.locator(".cm-tooltip-lint");
  await tooltip.getByText(/AIB030 .*aritfactTags/).waitFor();
  await tooltip.getByRole("button", { name: /Fix: rename `aritfactTags`/ }).click();

  const fixed = (await doc(page));
  assert.deepEqual(fixed.properties.distribute[0].artifactTags, { team: "images" });
  assert.equal(fixed.properties.distribute[0].aritfactTags, undefined);
  assert.deepEqual(consoleErrors, []);
});

test("Shift+Alt+F formats the document, keeping comments, and Ctrl+Z takes it back", async () => {
  const { page, consoleErrors } = await open(browser, server.url);
  const text = '{"location": "westeurope", // where it is built\n"properties": {"buildTimeoutInMinutes": 60, /* an hour */ "customize": []}}';
  await setJson(page, text);
  await page.getByRole("textbox", { name: "Template JSON" }).click();
  await page.keyboard.press("Shift+Alt+F");
  await page.waitForFunction(() => document.querySelector(".json-view .code-editor").aibEditor.text().startsWith("{\n  \"location\""));
  assert.equal(
    await json(page),
    '{\n  "location": "westeurope", // where it is built\n  "properties": {\n    "buildTimeoutInMinutes": 60, /* an hour */\n    "customize": []\n  }\n}\n',
  );
  await page.keyboard.press("Control+z");
  await page.waitForFunction((t) => document.querySelector(".json-view .code-editor").aibEditor.text() === t, text);
  // The button does the same.
  await page.getByRole("button", { name: "Format" }).click();
  await page.waitForFunction(() => document.querySelector(".json-view .code-editor").aibEditor.text().endsWith("}\n}\n"));
  assert.deepEqual(consoleErrors, []);
});
