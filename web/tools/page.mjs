// Opens a page written by `newsgraph export --format html` in headless Chromium (through
// playwright-core; no browser download) and reports what a reader would see, as one JSON
// line on stdout:
//   {"ready", "loadMs", "renderer", "total", "drawn", "search", "drawnAfterSearch", "matches",
//    "detailsAfterClick", "note", "count", "errors", "dialogs"}
// drawn = node shapes actually on screen (SVG: not display:none, with a box of their own;
// canvas: the entities the last paint drew, which the page puts in body[data-drawn]).
// loadMs = from navigation to the page saying it is ready (laid out and drawn).
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
  const timeout = Number(process.env.PAGE_TIMEOUT_MS || 60000);
  const started = Date.now();
  await page.goto(pathToFileURL(path.resolve(page_path)).href, { timeout });
  await page.waitForSelector("body[data-ready=true]", { timeout }).catch(() => {});
  report.loadMs = Date.now() - started;
  const canvas = await page.evaluate(() => document.getElementById("graph-canvas") !== null);
  report.renderer = canvas ? "canvas" : "svg";
  // A canvas paints on the next animation frame.
  const painted = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const drawn = async () => {
    if (canvas) {
      await painted();
      return page.evaluate(() => Number(document.body.dataset.drawn || 0));
    }
    return page.evaluate(() =>
      Array.from(document.querySelectorAll("#graph g.node"))
        .filter((g) => getComputedStyle(g).display !== "none" && g.getBoundingClientRect().width > 0).length);
  };
  const matches = () => page.evaluate(() => {
    const svg = document.querySelectorAll("#graph g.node.match").length;
    return svg || (document.getElementById("count").textContent.match(/^(\d+) match/) || [0, 0])[1] * 1;
  });
  report.ready = await page.evaluate(() => document.body.dataset.ready === "true");
  report.note = await page.evaluate(() => document.getElementById("note").hidden ? null : document.getElementById("note").textContent);
  report.total = await page.evaluate(() => JSON.parse(document.getElementById("graph-data").textContent).nodes.length);
  report.drawn = await drawn();
  const search = option("--search");
  if (search !== undefined) {
    await page.fill("#search", search);
    report.search = search;
    report.drawnAfterSearch = await drawn();
    report.matches = await matches();
  }
  const click = option("--click");
  if (click !== undefined) {
    if (canvas) {
      // A real click where the node is drawn: the page's own hit test finds it.
      await painted();
      const at = await page.evaluate((id) => window.newsgraphNodePosition(id), click);
      if (at) { await page.mouse.click(at[0], at[1]); }
    } else {
      await page.click(`#graph g.node[data-id="${click.replace(/["\\]/g, "\\$&")}"] path`, { force: true });
    }
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
