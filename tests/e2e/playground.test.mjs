// The designer as a playground that documentation links to: completion in the JSON editor,
// rule pages behind every problem, and links that carry or point at a template.
import { test } from "node:test";
import assert from "node:assert/strict";
import { doc, json, open, serveAndLaunch, setJson, settled } from "./harness.mjs";

let server;
let browser;
serveAndLaunch((s, b) => { server = s; browser = b; });

const editorBox = (page) => page.getByRole("textbox", { name: "Template JSON" });

/** Puts the caret at the end of the first line of the JSON text that contains `marker`. */
async function caretAfter(page, marker) {
  const offset = await page.evaluate((m) => {
    const text = document.querySelector(".json-view .code-editor").aibEditor.text();
    const at = text.indexOf(m);
    return at < 0 ? -1 : at + m.length;
  }, marker);
  assert.ok(offset >= 0, `${marker} is in the text`);
  await page.evaluate((o) => document.querySelector(".json-view .code-editor").aibEditor.moveCaret(o), offset);
}

test("typing a quote inside properties offers its property names, and Enter writes one", async () => {
  const { page, consoleErrors } = await open(browser, server.url);
  await setJson(page, JSON.stringify({ location: "westeurope", properties: { source: { type: "PlatformImage" } } }, null, 2));
  await caretAfter(page, '"properties": {');
  await page.keyboard.press("Enter");
  await page.keyboard.type('"');
  const list = page.getByRole("listbox");
  await list.getByRole("option", { name: /buildTimeoutInMinutes/ }).waitFor();
  // Narrowing as the user types; the spec's help comes with it.
  await page.keyboard.type("buildT");
  const option = list.getByRole("option", { name: /buildTimeoutInMinutes/ });
  await option.waitFor();
  await page.keyboard.press("Enter");
  await page.keyboard.type("120");
  await settled(page);
  const written = await doc(page);
  assert.equal(written.properties.buildTimeoutInMinutes, 120, await json(page));
  assert.deepEqual(written.properties.source, { type: "PlatformImage" });
  assert.deepEqual(consoleErrors, []);
});

test("a step's kind is offered as a snippet with its required fields", async () => {
  const { page } = await open(browser, server.url);
  await setJson(page, '{\n  "location": "westeurope",\n  "properties": {\n    "distribute": [\n    ]\n  }\n}');
  await caretAfter(page, '"distribute": [');
  await page.keyboard.press("Enter");
  await page.keyboard.press("Control+Space");
  await page.getByRole("option", { name: /"SharedImage"/ }).click();
  // Each field is a stop: type one, Tab to the next.
  await page.keyboard.type("gallery-out");
  await page.keyboard.press("Tab");
  await page.keyboard.type("/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/i");
  await settled(page);
  const target = (await doc(page)).properties.distribute[0];
  assert.deepEqual(target, {
    type: "SharedImage",
    runOutputName: "gallery-out",
    galleryImageId: "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/i",
  });
});

test("every problem links to its rule's page, which explains why it matters and opens its example", async () => {
  const { page, consoleErrors } = await open(browser, server.url);
  const template = await doc(page);
  template.properties.buildTimeoutInMinutes = 5000;
  template.properties.distribute[0].aritfactTags = {};
  await setJson(page, JSON.stringify(template, null, 2));
  const problems = page.locator(".problem-list .problem");
  const count = await problems.count();
  assert.ok(count >= 2, `planted problems are listed (${count})`);
  const codes = new Set();
  for (let i = 0; i < count; i++) {
    const link = problems.nth(i).getByRole("link", { name: /^About AIB\d+$/ });
    codes.add((await link.getAttribute("href")).replace("#/rules/", ""));
  }
  for (const code of codes) {
    await page.locator(".problem-list").getByRole("link", { name: `About ${code}`, exact: true }).first().click();
    const heading = page.getByRole("heading", { level: 2, name: new RegExp(`^${code} `) });
    await heading.waitFor();
    await page.getByRole("heading", { level: 3, name: "Why it matters" }).waitFor();
    assert.equal(await page.evaluate(() => location.hash), `#/rules/${code}`);
    await page.getByRole("link", { name: "← Back to the designer" }).click();
    await editorBox(page).waitFor();
  }
  // A rule's example opens in the editor as a new draft; the work before stays a draft.
  await page.goto(`${server.url}#/rules/AIB030`);
  await page.getByRole("heading", { level: 3, name: "Why it matters" }).waitFor();
  await page.getByRole("button", { name: "Open in editor" }).first().click();
  await editorBox(page).waitFor();
  await settled(page);
  assert.match(await page.getByRole("status").filter({ hasText: /example of AIB030/ }).or(page.locator(".notice")).first().textContent(), /example of AIB030/);
  assert.ok((await json(page)).length > 0);
  assert.deepEqual(consoleErrors, []);
});

test("an unknown rule says so", async () => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}#/rules/AIB999`);
  await page.getByRole("heading", { level: 2, name: "No rule AIB999" }).waitFor();
  await page.getByRole("link", { name: "← Back to the designer" }).click();
  await editorBox(page).waitFor();
});

test("the squiggle's tooltip links to the rule's page", async () => {
  const { page } = await open(browser, server.url);
  const template = await doc(page);
  template.properties.distribute[0].aritfactTags = {};
  await setJson(page, JSON.stringify(template, null, 2));
  await page.locator(".cm-lintRange-error", { hasText: "aritfactTags" }).hover();
  await page.locator(".cm-tooltip-lint").getByRole("link", { name: "About AIB030" }).click();
  await page.getByRole("heading", { level: 2, name: /^AIB030 / }).waitFor();
});

test("#json= opens a readable template as a new draft", async () => {
  const text = '{"location": "northeurope", "properties": {}}';
  const { page } = await open(browser, `${server.url}#json=${encodeURIComponent(text)}`);
  assert.equal(await json(page), text);
  assert.equal(await page.evaluate(() => location.hash), "", "the link is read once");
});

test("#url= loads a template from the page's origin, and refuses other origins", async () => {
  const { page, consoleErrors } = await open(browser, `${server.url}#url=/fixtures/linked.json`);
  await page.waitForFunction(() => document.querySelector(".json-view .code-editor").aibEditor.text().includes("linked-from-docs"));
  await page.getByText(/Opened the template from \/fixtures\/linked.json as a new draft/).waitFor();
  assert.deepEqual(consoleErrors, []);

  const elsewhere = server.url.replace("127.0.0.1", "localhost");
  const { page: refused } = await open(browser, `${server.url}#url=${elsewhere}fixtures/linked.json`);
  await refused.getByText(/could not be loaded: this page may only load templates from/).waitFor();
  assert.ok(!(await json(refused)).includes("linked-from-docs"));
});

test("?embed in an iframe shows the editor and problems, and opens the full designer", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${server.url}fixtures/embed.html`);
  const frame = page.frameLocator("iframe");
  await frame.getByRole("textbox", { name: "Template JSON" }).waitFor();
  await frame.getByText(/Opened the template from/).waitFor();
  // Compact: no form, no section list; problems are there.
  assert.equal(await frame.getByRole("navigation", { name: "Sections" }).count(), 0);
  await frame.getByRole("heading", { name: /Problems/ }).waitFor();
  const opened = context.waitForEvent("page");
  await frame.getByRole("button", { name: "Open in the full designer" }).click();
  const full = await opened;
  await full.getByRole("textbox", { name: "Template JSON" }).waitFor();
  await full.waitForFunction(() => document.querySelector(".json-view .code-editor")?.aibEditor?.text().includes("linked-from-docs"));
  await full.getByRole("navigation", { name: "Sections" }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("the examples gallery offers every corpus template by group, with what it teaches, and opens one", async () => {
  const { page, consoleErrors } = await open(browser, server.url);
  await page.getByRole("button", { name: "Examples" }).click();
  const gallery = page.getByRole("group", { name: "Examples" });
  await gallery.getByRole("heading", { name: "Start here: the official quickstarts" }).waitFor();
  assert.equal(await gallery.getByRole("button").count(), 79);
  assert.equal(await gallery.locator(".teaches").count(), 79);
  assert.match(await gallery.locator(".source").first().textContent(), /licence$/);
  // A file whose name has spaces, fetched from the site.
  await gallery.getByRole("button", { name: /armTemplateWin \(Azure Image Builder\)/ }).first().click();
  await page.waitForFunction(() => document.querySelector(".json-view .code-editor").aibEditor.text().includes("Microsoft.VirtualMachineImages"));
  assert.deepEqual(consoleErrors, []);
});
