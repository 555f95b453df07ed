// Opens a page written by `newsgraph export --format html` in headless Chromium (through
// playwright-core; no browser download) and reports what a reader would see, as one JSON
// line on stdout:
//   {"ready", "total", "drawn", "search", "drawnAfterSearch", "matches", "detailsAfterClick",
//    "count", "errors", "dialogs"}
// drawn = node shapes actually on screen (not display:none, with a box of their own).
//
//   node web/tools/page.mjs PAGE.html [--search TEXT] [--screenshot OUT.png] [--click NODE-ID]
//
// CHROMIUM overrides the browser path (default /usr/bin/chromium).
import { chromium } from "playwright-core";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const page_path = args[0];
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
if (!page_path || !fs.existsSync(page_path)) {
  console.error("usage: node page.mjs PAGE.html [--search TEXT] [--screenshot OUT.png] [--click NODE-ID]");
  process.exit(2);
}

// playwright-core gives each launch a fresh, empty profile of its own.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
const report = { errors: [], dialogs: [], requests: [] };
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on("pageerror", (e) => report.errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") report.errors.push(m.text()); });
  page.on("dialog", async (d) => { report.dialogs.push(d.message()); await d.dismiss(); });
  page.on("request", (r) => { if (!r.url().startsWith("file:")) report.requests.push(r.url()); });
  await page.goto(pathToFileURL(path.resolve(page_path)).href);
  await page.waitForSelector("body[data-ready=true]", { timeout: 20000 }).catch(() => {});
  const drawn = () => page.evaluate(() =>
    Array.from(document.querySelectorAll("#graph g.node"))
      .filter((g) => getComputedStyle(g).display !== "none" && g.getBoundingClientRect().width > 0).length);
  report.ready = await page.evaluate(() => document.body.dataset.ready === "true");
  report.total = await page.evaluate(() => JSON.parse(document.getElementById("graph-data").textContent).nodes.length);
  report.drawn = await drawn();
  const search = option("--search");
  if (search !== undefined) {
    await page.fill("#search", search);
    report.search = search;
    report.drawnAfterSearch = await drawn();
    report.matches = await page.evaluate(() => document.querySelectorAll("#graph g.node.match").length);
  }
  const click = option("--click");
  if (click !== undefined) {
    await page.click(`#graph g.node[data-id="${click.replace(/["\\]/g, "\\$&")}"] path`, { force: true });
    report.detailsAfterClick = await page.evaluate(() => document.getElementById("details").innerText);
  }
  report.count = await page.evaluate(() => document.getElementById("count").textContent);
  const screenshot = option("--screenshot");
  if (screenshot) {
    await page.screenshot({ path: screenshot });
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(report));
