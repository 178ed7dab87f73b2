// What drafts cost per edit (not a test: `node tests/e2e/drafts_cost.mjs`, after
// scripts/dist.sh). For a typical template and a 1 MB one, the main-thread time from an edit
// in the JSON view until the page is idle again (check, render and autosave together), and
// what is stored. Prints JSON.
import { serve, launch, open } from "./harness.mjs";

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const server = await serve();
const browser = await launch();
const results = {};

async function measure(text, label) {
  const { page, consoleErrors } = await open(browser, server.url);
  const timing = await page.evaluate(async (text) => {
    const editor = document.querySelector(".json-view .code-editor").aibEditor;
    const idle = () => new Promise((resolve) => setTimeout(resolve, 0));
    const variants = [text, text.replace('"location": "westeurope"', '"location": "westeurop"')];
    const edits = [];
    for (let i = 0; i < 11; i++) {
      const start = performance.now();
      editor.replaceAll(variants[(i + 1) % 2], "typing");
      await idle();
      edits.push(performance.now() - start);
    }
    const size = (s) => Object.keys(s).reduce((n, k) => n + k.length + s.getItem(k).length, 0);
    return { edits, localChars: size(localStorage), sessionChars: size(sessionStorage) };
  }, text);
  results[label] = { bytes: text.length, editMs: median(timing.edits), localChars: timing.localChars, sessionChars: timing.sessionChars, consoleErrors };
  await page.context().close();
}

const typical = {
  type: "Microsoft.VirtualMachineImages/imageTemplates", apiVersion: "2024-02-01", name: "ubuntu-2204-base", location: "westeurope",
  properties: { source: { type: "PlatformImage", publisher: "Canonical", offer: "0001-com-ubuntu-server-jammy", sku: "22_04-lts-gen2", version: "latest" },
    customize: [{ type: "Shell", name: "update", inline: ["sudo apt-get update"] }],
    distribute: [{ type: "VHD", runOutputName: "vhd" }] },
};
await measure(JSON.stringify(typical, null, 2), "typical");
const big = structuredClone(typical);
big.properties.customize = Array.from({ length: 4600 }, (_, i) => ({ type: "Shell", name: `step-${i}`, inline: [`echo step ${i} of the large template benchmark`, "sudo apt-get -y install jq curl ca-certificates"] }));
await measure(JSON.stringify(big, null, 2), "oneMegabyte");
console.log(JSON.stringify(results, null, 2));
await browser.close();
await server.close();
