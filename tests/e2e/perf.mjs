// Browser measurements for BENCHMARKS.md (not a test: `node tests/e2e/perf.mjs`, after
// scripts/dist.sh). In headless Chromium: the gzipped size of everything the page downloads,
// the time from navigation to an interactive form, the time from an edit in the JSON view
// to updated problems, for a typical template and a 1 MB one, with JSON.parse of the same text
// in the same page as the peer, and the longest main-thread task while opening Customize with
// the 1 MB template. Prints JSON.
import { gzipSync } from "node:zlib";
import { serve, launch, open, json, pasteInto, settled } from "./harness.mjs";

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await serve();
const browser = await launch();
const results = {};

// 1. Download size and time to an interactive form, on a fresh profile (no cache), gzip served:
// on loopback, then at 10 Mbit/s with a 40 ms round trip (Chromium's network emulation). The
// bytes fetched before the form is interactive are those of the responses finished by then.
async function startup(throttled) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (throttled) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false, latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8,
    });
  }
  const responses = [];
  page.on("requestfinished", async (request) => {
    try {
      const response = await request.response();
      const body = await response.body();
      const sizes = await request.sizes();
      responses.push({ url: new URL(request.url()).pathname, raw: body.length, transferred: sizes.responseBodySize + sizes.responseHeadersSize });
    } catch {}
  });
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      // The form is what a user works with first; the JSON editor and the checker load after it.
      if (document.querySelector(".form input, .form select")) {
        window.__interactiveAt = performance.now();
        // What was fetched by then: the page and every response finished before this moment.
        const finished = performance.getEntriesByType("resource").filter((e) => e.responseEnd <= window.__interactiveAt);
        window.__bytesBefore = [...performance.getEntriesByType("navigation"), ...finished].reduce((n, e) => n + e.transferSize, 0);
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(server.url);
  await page.waitForFunction(() => window.__interactiveAt !== undefined, null, { timeout: 60_000 });
  const interactiveMs = await page.evaluate(() => window.__interactiveAt);
  const bytesBeforeInteractive = await page.evaluate(() => window.__bytesBefore);
  await page.getByRole("textbox", { name: "Template JSON" }).waitFor({ timeout: 60_000 });
  const editorMs = await page.evaluate(() => performance.now());
  // The checker (a worker) loads after the form: wait for its first answer.
  await page.locator('.status-bar [role=status][aria-busy="false"]').waitFor({ timeout: 60_000 });
  const checkedMs = await page.evaluate(() => performance.now());
  await page.waitForLoadState("networkidle");
  await context.close();
  return {
    downloads: responses,
    totalTransferredBytes: responses.reduce((n, r) => n + r.transferred, 0),
    bytesBeforeInteractive,
    interactiveMs,
    editorMs,
    firstCheckMs: checkedMs,
  };
}
results.startup = await startup(false);
results.startupThrottled = await startup(true);
results.downloads = results.startup.downloads;
results.totalGzipBytes = results.startup.totalTransferredBytes;
results.interactiveMs = results.startup.interactiveMs;

// 2. Edit to updated problems, typical and 1 MB.
async function editToProblems(text, label) {
  const { page, consoleErrors } = await open(browser, server.url);
  // Typing a megabyte key by key would take hours: the editor takes it as one paste.
  await page.evaluate((text) => document.querySelector(".json-view .code-editor").aibEditor.replaceAll(text, "paste"), text);
  await page.waitForTimeout(500);
  const timing = await page.evaluate(async (text) => {
    const editor = document.querySelector(".json-view .code-editor").aibEditor;
    const status = document.querySelector(".status-bar [role=status]");
    // Two texts that differ in their problems, so every edit changes the status line.
    const variants = [text, text.replace('"location": "westeurope"', '"location": "westeurop"')];
    const edits = [];
    for (let i = 0; i < 21; i++) {
      const next = variants[(i + 1) % 2];
      const before = status.textContent;
      const start = performance.now();
      const changed = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (status.textContent !== before) {
            observer.disconnect();
            resolve(performance.now());
          }
        });
        observer.observe(status, { childList: true, characterData: true, subtree: true });
      });
      editor.replaceAll(next, "typing");
      edits.push((await changed) - start);
    }
    // The browser's timer is coarse (0.1 ms): time batches of parses.
    const parses = [];
    const batch = Math.max(1, Math.round(200_000 / text.length));
    for (let i = 0; i < 21; i++) {
      const start = performance.now();
      for (let j = 0; j < batch; j++) JSON.parse(variants[(i + j) % 2]);
      parses.push((performance.now() - start) / batch);
    }
    return { edits, parses };
  }, text);
  results[label] = {
    bytes: text.length,
    editToProblemsMs: median(timing.edits),
    edits: timing.edits,
    jsonParseMs: median(timing.parses),
    ratio: median(timing.edits) / median(timing.parses),
    consoleErrors,
  };
  await page.close();
}

const typical = JSON.stringify({
  type: "Microsoft.VirtualMachineImages/imageTemplates", apiVersion: "2024-02-01", name: "ubuntu-2204-base", location: "westeurope",
  identity: { type: "UserAssigned", userAssignedIdentities: { "/subscriptions/0b5e4f83-1c52-4c8e-9a44-2c3f5d6e7f80/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aib": {} } },
  properties: {
    buildTimeoutInMinutes: 80, vmProfile: { vmSize: "Standard_D2s_v3", osDiskSizeGB: 64 },
    source: { type: "PlatformImage", publisher: "Canonical", offer: "0001-com-ubuntu-server-jammy", sku: "22_04-lts-gen2", version: "latest" },
    customize: [
      { type: "Shell", name: "update", inline: ["sudo apt-get update", "sudo apt-get -y upgrade"] },
      { type: "Shell", name: "tools", scriptUri: "https://raw.githubusercontent.com/contoso/images/main/tools.sh", sha256Checksum: "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae" },
    ],
    distribute: [{ type: "SharedImage", galleryImageId: "/subscriptions/0b5e4f83-1c52-4c8e-9a44-2c3f5d6e7f80/resourceGroups/rg/providers/Microsoft.Compute/galleries/gal/images/ubuntu", runOutputName: "ubuntu-sig", targetRegions: [{ name: "westeurope", replicaCount: 1 }] }],
  },
}, null, 2);
await editToProblems(typical, "typical");

// About 1 MB: the same template with 4,600 customizers.
const big = JSON.parse(typical);
big.properties.customize = Array.from({ length: 4600 }, (_, i) => ({ type: "Shell", name: `step-${i}`, inline: [`echo step ${i} of the large template benchmark`, "sudo apt-get -y install jq curl ca-certificates"] }));
await editToProblems(JSON.stringify(big, null, 2), "oneMegabyte");

// 3. Opening Customize with the 1 MB template: the longest task the main thread runs (Chromium
// reports tasks over 50 ms as `longtask` entries), from the click until every entry of the list
// is on the page (as a row or a form) and the page has been idle for a second.
async function openCustomize(text, entries) {
  const { page, consoleErrors } = await open(browser, server.url);
  await page.evaluate((text) => document.querySelector(".json-view .code-editor").aibEditor.replaceAll(text, "paste"), text);
  await page.getByRole("status").filter({ hasText: /error/ }).first().waitFor();
  await page.waitForTimeout(1000);
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration)))
      .observe({ type: "longtask" });
  });
  const start = Date.now();
  await page.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: /^Customize/ }).click();
  await page.locator("legend", { hasText: /^Customize \(\d+\)/ }).waitFor({ timeout: 120_000 });
  const shownMs = Date.now() - start;
  await page.waitForFunction((n) => document.querySelectorAll(".form .entries > li").length === n, entries, { timeout: 120_000 });
  const allEntriesMs = Date.now() - start;
  await page.waitForTimeout(1000);
  const tasks = await page.evaluate(() => window.__longTasks.splice(0));
  const inputs = await page.locator(".form .entries input, .form .entries select, .form .entries textarea").count();

  // Then a committed edit in the last entry's name (typed, then Tab): the longest task from
  // the first keystroke until the document has it and the page has been idle for a second.
  const last = entries - 1;
  const row = page.getByRole("button", { name: new RegExp(`^${entries}\\. `) });
  if (await row.count()) await row.click();
  const name = page.locator(`[data-pointer="/properties/customize/${last}/name"]`);
  await name.click();
  await page.evaluate(() => window.__longTasks.splice(0));
  await page.keyboard.press("End");
  await page.keyboard.type("-x");
  await page.keyboard.press("Tab");
  await page.waitForFunction((last) => document.querySelector(".json-view .code-editor").aibEditor.text().includes(`"step-${last}-x"`), last, { timeout: 120_000 });
  await page.waitForTimeout(1000);
  const editTasks = await page.evaluate(() => window.__longTasks);
  await page.close();
  return {
    longestTaskMs: Math.max(0, ...tasks), longTasks: tasks.length, clickToListMs: shownMs, clickToAllEntriesMs: allEntriesMs, inputsInList: inputs,
    fieldEditLongestTaskMs: Math.max(0, ...editTasks), fieldEditLongTasks: editTasks.length, consoleErrors,
  };
}
results.openCustomizeOneMegabyte = await openCustomize(JSON.stringify(big, null, 2), big.properties.customize.length);

// 4. Every action a user takes on the 1 MB template: the longest main-thread task (`longtask`
// entries, over 50 ms) from the action until its check is in and the page has been quiet for a
// second, and per keystroke in the JSON view the time to the next paint (Event Timing: the
// longest event of each interaction), and the time from the last keystroke of a burst to the
// updated problems.
async function responsiveness(text) {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  await context.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration)))
      .observe({ type: "longtask", buffered: true });
    window.__interactions = new Map();
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.interactionId) window.__interactions.set(e.interactionId, Math.max(window.__interactions.get(e.interactionId) ?? 0, e.duration));
      }
    }).observe({ type: "event", durationThreshold: 16, buffered: true });
  });
  const { page, consoleErrors } = await open(browser, server.url, { context });
  const area = page.getByRole("textbox", { name: "Template JSON" });
  const quiet = async () => {
    await settled(page);
    await page.waitForTimeout(1000);
    return page.evaluate(() => Math.max(0, ...window.__longTasks.splice(0)));
  };
  const longest = async (action) => {
    await page.evaluate(() => window.__longTasks.splice(0));
    await action();
    return quiet();
  };
  const out = {};
  out.pasteLongestTaskMs = await longest(() => pasteInto(area, text));

  // A burst of typing inside a string value near the end, at a person's speed.
  await page.evaluate(() => {
    const editor = document.querySelector(".json-view .code-editor").aibEditor;
    editor.moveCaret(editor.text().lastIndexOf("of the large template benchmark"));
    window.__interactions.clear();
    window.__longTasks.splice(0);
  });
  const typed = "quick brown fox ";
  for (const key of typed) {
    await page.keyboard.type(key);
    await page.waitForTimeout(60);
  }
  const lastKeyAt = await page.evaluate(() => performance.now());
  await page.locator('.status-bar [role=status][aria-busy="false"]').waitFor({ timeout: 60_000 });
  out.lastKeystrokeToProblemsMs = (await page.evaluate(() => performance.now())) - lastKeyAt + 60;
  const paints = await page.evaluate(() => [...window.__interactions.values()]);
  // Keystrokes whose event took under 16 ms are not reported by Event Timing: count them as 16.
  const keystrokes = [...paints, ...Array(Math.max(0, typed.length - paints.length)).fill(16)].sort((a, b) => a - b);
  out.keystrokes = typed.length;
  out.keystrokePaintP95Ms = keystrokes[Math.ceil(keystrokes.length * 0.95) - 1];
  out.keystrokeLongestTaskMs = await quiet();
  if (!(await json(page)).includes(typed)) throw new Error("the typing did not reach the JSON view");

  // Undo (the burst of typing), from outside any field.
  await page.locator(".status-bar").click();
  out.undoLongestTaskMs = await longest(() => page.keyboard.press("Control+z"));

  // Reload: the tab's draft comes back from sessionStorage.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 1500)));
  await page.reload();
  await area.waitFor();
  out.reloadLongestTaskMs = await quiet();
  out.restored = (await json(page)).length;
  out.consoleErrors = consoleErrors;
  await context.close();
  return out;
}
results.responsivenessOneMegabyte = await responsiveness(JSON.stringify(big, null, 2));

await browser.close();
await server.close();
console.log(JSON.stringify(results, null, 2));
