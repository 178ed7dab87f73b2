// The JSON view's code editor: findings of the check are squiggles in the text, whose tooltip
// says what is wrong and offers the fix.
import { test } from "node:test";
import assert from "node:assert/strict";
import { doc, open, serveAndLaunch, setJson } from "./harness.mjs";

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
