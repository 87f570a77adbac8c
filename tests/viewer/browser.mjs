// What the viewer's browser tests and bench share: the system chromium,
// headless, driven by puppeteer-core from viewer/node_modules (pinned by
// viewer/package-lock.json), and a page that fails on any console error.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const sourceDir = path.resolve(here, "../..");
const require = createRequire(path.join(sourceDir, "viewer", "package.json"));
const puppeteer = require("puppeteer-core");

export const chromiumPath = process.env.IRKG_CHROMIUM || "/usr/bin/chromium";

export async function launch() {
  return puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    // WebGL through SwiftShader: there is no GPU here, nor on CI.
    args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--window-size=1400,900"],
    defaultViewport: { width: 1400, height: 900 },
  });
}

// Opens `file` in a new page. Every console error, page error and request
// that leaves the page is collected in `problems`.
export async function openPage(browser, file, fragment = "") {
  const page = await browser.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("dialog", async (d) => { problems.push(`dialog: ${d.message()}`); await d.dismiss(); });
  // blob: addresses are made by the page itself (the live layout's worker).
  page.on("request", (r) => { if (!/^(file|data|blob):/.test(r.url())) problems.push(`request: ${r.url()}`); });
  await page.goto(pathToFileURL(file).href + fragment, { waitUntil: "load" });
  await page.waitForFunction(() => document.body.dataset.ready === "1", { timeout: 30000 });
  return { page, problems };
}

// Runs irkg with `args`; its standard output, or throws with its stderr.
export function irkg(binary, ...args) {
  return execFileSync(binary, args, { encoding: "utf8", maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "pipe"] });
}

// --name value pairs of the command line.
export function options() {
  const out = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i + 1 < argv.length; i += 2) out[argv[i].replace(/^--/, "")] = argv[i + 1];
  return out;
}

// A check that names what it compared when it fails.
export function expect(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
  console.log(`ok - ${message}`);
}
