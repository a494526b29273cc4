// The browser test: Debian's Chromium, driven by playwright-core, against a running
// treatywatch server. Usage:
//
//   BASE_URL=http://127.0.0.1:18080 OUT_DIR=../../../tests-output/browser node browser-test.mjs
//
// Loads the map, sets the date to 2026-03-01, checks Finland is withdrawn, Ukraine a
// party and the count of States Parties 161; opens Finland's story and its page and
// checks the withdrawal date and a source link; follows the map's link to the article
// check, pastes a short article and checks its verdicts show; checks the keyboard and
// the pages without JavaScript. Saves screenshots in OUT_DIR. Exits non-zero on any
// failure.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const base = process.env.BASE_URL ?? "http://127.0.0.1:18080";
const out = process.env.OUT_DIR ?? "../../../tests-output/browser";
// The newsroom's views (embed, shared link, phone, static site) are kept with the docs.
const shots = process.env.SHOTS_DIR ?? "../../../docs/screenshots";
// The static site (`treatywatch site --out DIR`), served here by a plain file server.
const siteDir = process.env.SITE_DIR;
const newsroomPort = +(process.env.NEWSROOM_PORT ?? 18591);
const staticPort = +(process.env.STATIC_PORT ?? 18592);
mkdirSync(shots, { recursive: true });

// A plain static file server (Python's), for the newsroom's page and the static site.
async function fileServer(dir, port) {
  const child = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", dir], { stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/`);
      if (r.status < 500) return child;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`the file server on ${port} did not start`);
}
const children = [];
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
mkdirSync(out, { recursive: true });

// A short article, as a journalist would paste it.
const ARTICLE = `Helsinki, 10 July 2025

Finland has notified the UN Secretary-General of its withdrawal from the Ottawa Convention, the treaty banning anti-personnel mines. Finland joined the Ottawa Convention in 2011. More than 160 countries have joined it.`;

let passed = 0;
let failed = 0;
function check(what, ok, detail = "") {
  if (ok) {
    passed++;
    console.log(`ok   ${what}`);
  } else {
    failed++;
    console.log(`FAIL ${what} ${detail}`);
  }
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 960 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("response", (r) => {
    // The misspelt search below is meant to get a 404.
    if (r.status() >= 400 && !r.url().includes("/api/v1/states/Finlnd")) errors.push(`${r.status()} ${r.url()}`);
  });
  const offsite = [];
  page.on("request", (r) => { if (!r.url().startsWith(base)) offsite.push(r.url()); });

  // The map on 2025-06-01, as a server-rendered page then enhanced.
  await page.goto(`${base}/?treaty=apmbc&on=2025-06-01`);
  await page.waitForSelector("main[data-ready=true]", { timeout: 10000 });
  const blur = () => page.evaluate(() => document.activeElement?.blur());
  await blur();
  await page.screenshot({ path: join(out, "map-2025-06-01.png"), fullPage: false });
  const status = (code) => page.getAttribute(`#map a.st[data-state="${code}"]`, "data-status");
  check("Finland is a party on 2025-06-01", (await status("FIN")) === "party");

  // Set the date to 2026-03-01 with the date field.
  await page.fill("#on", "2026-03-01");
  await page.locator("#on").dispatchEvent("change");
  await page.waitForFunction(() => document.querySelector("main").dataset.on === "2026-03-01");
  check("Finland is shown as withdrawn on 2026-03-01", (await status("FIN")) === "withdrawn", await status("FIN"));
  check("Ukraine is shown as a party on 2026-03-01", (await status("UKR")) === "party", await status("UKR"));
  const parties = (await page.textContent('[data-count="party"]')).trim();
  check("the count of States Parties reads 161", parties === "161", parties);
  const finRow = await page.getAttribute('#states tr[data-state="FIN"] td.status', "data-status");
  check("the list shows Finland withdrawn", finRow === "withdrawn", finRow);
  check("the address carries the date", page.url().includes("on=2026-03-01"), page.url());
  await blur();
  await page.screenshot({ path: join(out, "map-2026-03-01.png"), fullPage: false });

  // The keyboard moves the slider one day at a time.
  await page.focus("#slider");
  await page.keyboard.press("ArrowLeft");
  check("ArrowLeft on the slider goes back one day", (await page.inputValue("#on")) === "2026-02-28", await page.inputValue("#on"));
  await page.keyboard.press("ArrowRight");
  check("ArrowRight comes back", (await page.inputValue("#on")) === "2026-03-01");

  // Tab from the search box reaches the states on the map; Enter opens a story.
  await page.focus("#q");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement?.matches("#map a.st[data-state]") ? document.activeElement.dataset.state : null);
  check("Tab reaches the states on the map", focused !== null, String(focused));
  await page.keyboard.press("Enter");
  await page.waitForSelector(`#panel:not([hidden]) #story[data-state="${focused}"]`);
  check("Enter on a state opens its story", true);
  await page.keyboard.press("Escape");

  // Click Finland on the map: its story opens beside the map.
  await page.click('#map a.st[data-state="FIN"]');
  await page.waitForSelector("#panel:not([hidden]) #story");
  const panelText = await page.textContent("#panel");
  check("Finland's story opens with its status", panelText.includes("Finland") && panelText.includes("withdrawn"));
  await page.screenshot({ path: join(out, "map-2026-03-01-finland.png"), fullPage: false });
  await page.keyboard.press("Escape");
  check("Escape closes the story", await page.isHidden("#panel"));

  // The search box finds a state by any name.
  await page.fill("#q", "Türkiye");
  await page.press("#q", "Enter");
  await page.waitForSelector('#panel:not([hidden]) #story[data-state="TUR"]');
  check("search opens Türkiye", true);
  await page.fill("#q", "Finlnd");
  await page.press("#q", "Enter");
  await page.waitForFunction(() => document.getElementById("search-msg").textContent.includes("Finland"));
  check("a misspelt name suggests Finland", true);

  // Finland's own page: stable address, withdrawal date and sources.
  await page.goto(`${base}/states/FIN?treaty=apmbc&on=2026-03-01`);
  const effective = (await page.textContent('[data-field="withdrawal_effective"]')).trim();
  check("Finland's page gives the withdrawal date 2026-01-10", effective === "2026-01-10", effective);
  const href = await page.getAttribute("ol.sources a.source", "href");
  check("Finland's page links a source", /^https?:\/\//.test(href ?? ""), href);
  await page.screenshot({ path: join(out, "state-FIN.png"), fullPage: true });

  // The map links to the article check; a short article pasted in gets its verdicts.
  await page.goto(`${base}/?treaty=apmbc&on=2026-03-01`);
  await page.click("#annotate-link");
  await page.waitForURL(/\/annotate/);
  await page.fill("#text", ARTICLE);
  await page.fill("#date", "2025-07-10");
  await Promise.all([page.waitForNavigation(), page.click('#annotate-form button[type="submit"]')]);
  await page.waitForSelector(".tw-annotation");
  const verdicts = await page.$$eval("ol.claims li[data-verdict]", (lis) => lis.map((li) => li.dataset.verdict));
  check("the pasted article gets a contradicted claim", verdicts.includes("contradicted"), verdicts.join(" "));
  check("the pasted article gets a supported claim", verdicts.includes("supported"), verdicts.join(" "));
  const joined = await page.textContent('ol.claims li[data-verdict="contradicted"]');
  check("the contradiction is Finland's accession, in 2012 not 2011", joined.includes("2012-01-09"), joined);
  const marked = await page.$$eval(".tw-article mark", (ms) => ms.length);
  check("the claims are marked in the article", marked >= 2, String(marked));
  check("the article stays in the box", (await page.inputValue("#text")).includes("Finland joined"));
  await page.screenshot({ path: join(out, "annotate.png"), fullPage: true });

  check("no script errors and no failed requests", errors.length === 0, errors.join("; "));
  check("nothing fetched from another site", offsite.length === 0, offsite.join(" "));

  // Without JavaScript the server-rendered page gives the same answer.
  const nojs = await browser.newContext({ javaScriptEnabled: false });
  const p2 = await nojs.newPage();
  await p2.goto(`${base}/?treaty=apmbc&on=2026-03-01`);
  check("without JavaScript the count reads 161", (await p2.textContent('[data-count="party"]')).trim() === "161");
  check("without JavaScript Finland is withdrawn",
    (await p2.getAttribute('#map a.st[data-state="FIN"]', "data-status")) === "withdrawn");
  await p2.goto(`${base}/search?q=finland&treaty=apmbc`);
  check("without JavaScript search leads to Finland's page", p2.url().includes("/states/FIN"), p2.url());
  await p2.goto(`${base}/annotate`);
  await p2.fill("#text", ARTICLE);
  await Promise.all([p2.waitForNavigation(), p2.click('#annotate-form button[type="submit"]')]);
  const nojsVerdicts = await p2.$$eval("ol.claims li[data-verdict]", (lis) => lis.length);
  check("without JavaScript the article check shows its verdicts", nojsVerdicts > 0, String(nojsVerdicts));
  await nojs.close();

  // A newsroom's page on another origin: the embed view in 640x480 and 320x480 frames,
  // and the API read with fetch (CORS).
  const newsroom = mkdtempSync(join(tmpdir(), "newsroom-"));
  writeFileSync(join(newsroom, "index.html"), `<!doctype html><meta charset="utf-8"><title>A newsroom</title><link rel="icon" href="data:,">
<body style="font-family:sans-serif;margin:8px">
<h1 style="font-size:18px;margin:4px 0">Our story on the Mine Ban Treaty</h1>
<p>States Parties on 2026-03-01, read from the API: <strong id="parties">…</strong></p>
<iframe id="wide" src="${base}/embed?treaty=apmbc&on=2026-03-01" width="640" height="480" style="border:1px solid #ccc"></iframe>
<iframe id="narrow" src="${base}/embed?treaty=apmbc&on=2026-03-01&focus=europe" width="320" height="480" style="border:1px solid #ccc"></iframe>
<script>
fetch("${base}/api/v1/status?treaty=apmbc&on=2026-03-01", { headers: { "If-None-Match": '"x"' } })
  .then((r) => r.json())
  .then((d) => { document.getElementById("parties").textContent = d.counts.party + " (data " + d.dataset.version + ")"; })
  .catch((e) => { document.getElementById("parties").textContent = "failed: " + e; });
</script>`);
  children.push(await fileServer(newsroom, newsroomPort));
  const nctx = await browser.newContext({ viewport: { width: 1000, height: 1000 } });
  const np = await nctx.newPage();
  const nerrors = [];
  np.on("pageerror", (e) => nerrors.push(String(e)));
  np.on("console", (m) => { if (m.type() === "error") nerrors.push(m.text()); });
  await np.goto(`http://127.0.0.1:${newsroomPort}/index.html`);
  await np.waitForFunction(() => !document.getElementById("parties").textContent.includes("…"));
  const fetched = await np.textContent("#parties");
  check("another origin reads the API with fetch (CORS, with a preflight)", fetched.startsWith("161 (data "), fetched);
  for (const [id, w] of [["wide", 640], ["narrow", 320]]) {
    const frame = np.frameLocator(`#${id}`);
    await frame.locator("#map").waitFor();
    // Boxes relative to the frame.
    const at = await np.locator(`#${id}`).boundingBox();
    const rel = (b) => b && { x: b.x - at.x, y: b.y - at.y, width: b.width, height: b.height };
    const box = rel(await frame.locator("#map").boundingBox());
    const link = rel(await frame.locator("#open-full").boundingBox());
    const legend = rel(await frame.locator(".legend-compact").boundingBox());
    check(`the embed view fits a ${w}x480 frame: the map first, the legend and the link back inside it`,
      box && box.y < 30 && box.width <= w && legend.y > box.y + box.height - 1 && link.y + link.height <= 480,
      JSON.stringify({ box, legend, link }));
    const parties = (await frame.locator('[data-count="party"]').textContent()).trim();
    check(`the ${w}x480 embed's legend counts 161 States Parties`, parties === "161", parties);
  }
  check("the newsroom's page shows no errors", nerrors.length === 0, nerrors.join("; "));
  await np.screenshot({ path: join(shots, "embed-in-a-newsroom-page.png"), fullPage: false });
  await nctx.close();

  // A link shared on social media: tracking parameters are ignored.
  const sctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const sp = await sctx.newPage();
  const shared = await sp.goto(`${base}/?treaty=apmbc&on=2026-03-01&fbclid=IwAR0abc123&utm_source=facebook&utm_medium=social`);
  check("a shared link with fbclid and utm_* opens the map", shared.status() === 200, String(shared.status()));
  await sp.waitForSelector("main[data-ready=true]");
  check("the shared link shows the day it names", (await sp.textContent('[data-count="party"]')).trim() === "161");
  const og = await sp.getAttribute('meta[property="og:image"]', "content");
  check("the page names its map image for sharing", /map\.png\?treaty=apmbc&on=2026-03-01/.test(og ?? ""), og);
  const img = await sctx.request.get(new URL(og, base).toString());
  check("the sharing image is a PNG", img.status() === 200 && img.headers()["content-type"] === "image/png", String(img.status()));
  const version = await sp.getAttribute("footer .dataset", "data-version");
  check("the page names the dataset's version and latest fact", !!version && !!(await sp.getAttribute("footer .dataset", "data-latest-fact")), version);
  await sp.screenshot({ path: join(shots, "shared-link-fbclid.png"), fullPage: false });
  const st = await sp.goto(`${base}/states/POL?treaty=apmbc&on=2026-03-01&fbclid=IwAR0abc123`);
  check("a shared state page with fbclid opens", st.status() === 200, String(st.status()));
  const months = await sp.$$eval("ol.timeline time", (ts) => ts.map((t) => t.textContent));
  check("dates known to the month are shown to the month", months.some((d) => /^\d{4}-\d{2}$/.test(d)) && !months.includes("2025-07-01"), months.join(" "));
  await sctx.close();

  // A phone, 390x844: no sideways scrolling, the map on the first screen, Europe's states
  // selectable by touch.
  for (const width of [390, 320]) {
    const mctx = await browser.newContext({ viewport: { width, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const mp = await mctx.newPage();
    await mp.goto(`${base}/?treaty=apmbc&on=2026-03-01`);
    await mp.waitForSelector("main[data-ready=true]");
    const wide = await mp.evaluate(() => document.documentElement.scrollWidth);
    check(`no sideways scrolling at ${width} px`, wide <= width, `${wide} px wide`);
    const mapBox = await mp.locator("#map").boundingBox();
    check(`the map is on the first screen at ${width}x844`, mapBox.y + mapBox.height <= 844, JSON.stringify(mapBox));
    if (width === 390) {
      await mp.screenshot({ path: join(shots, "mobile-390x844.png"), fullPage: false });
      await mp.selectOption("#focus", "europe");
      await mp.waitForFunction(() => document.getElementById("map").dataset.focus === "europe");
      check("the region focus is kept in the address", mp.url().includes("focus=europe"), mp.url());
      await mp.locator('#map a.st[data-state="EST"] path').tap();
      await mp.waitForSelector('#panel:not([hidden]) #story[data-state="EST"]');
      check("Estonia is selectable by touch at 390 px (Europe)", true);
      check("the opened state is kept in the address", mp.url().includes("state=EST"), mp.url());
      await mp.locator("#map").scrollIntoViewIfNeeded();
      await mp.screenshot({ path: join(shots, "mobile-390x844-europe-estonia.png"), fullPage: false });
      // The address opens the same view again.
      await mp.goto(mp.url());
      await mp.waitForSelector('#panel:not([hidden]) #story[data-state="EST"]');
      check("a link with state= opens that state", true);
    }
    await mctx.close();
  }

  // The static site, served by a plain file server: no treatywatch server involved.
  if (siteDir) {
    children.push(await fileServer(siteDir, staticPort));
    const sbase = `http://127.0.0.1:${staticPort}`;
    const xctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const xp = await xctx.newPage();
    const xerrors = [];
    xp.on("pageerror", (e) => xerrors.push(String(e)));
    xp.on("response", (r) => { if (r.status() >= 400) xerrors.push(`${r.status()} ${r.url()}`); });
    xp.on("request", (r) => { if (!r.url().startsWith(sbase)) xerrors.push(`off-site ${r.url()}`); });
    await xp.goto(`${sbase}/`);
    await xp.waitForSelector("main[data-ready=true]");
    await xp.fill("#on", "2025-06-01");
    await xp.locator("#on").dispatchEvent("change");
    await xp.waitForFunction(() => document.querySelector("main").dataset.on === "2025-06-01");
    check("static site: the date moves the map (Finland a party on 2025-06-01)",
      (await xp.getAttribute('#map a.st[data-state="FIN"]', "data-status")) === "party");
    await xp.focus("#slider");
    await xp.keyboard.press("ArrowRight");
    check("static site: the slider moves a day", (await xp.inputValue("#on")) === "2025-06-02", await xp.inputValue("#on"));
    await xp.fill("#on", "2026-03-01");
    await xp.locator("#on").dispatchEvent("change");
    await xp.waitForFunction(() => document.querySelector("main").dataset.on === "2026-03-01");
    check("static site: Finland withdrawn on 2026-03-01", (await xp.getAttribute('#map a.st[data-state="FIN"]', "data-status")) === "withdrawn");
    await xp.click('#map a.st[data-state="FIN"]');
    await xp.waitForSelector('#panel:not([hidden]) #story[data-state="FIN"]');
    check("static site: a click opens Finland's story", true);
    await xp.screenshot({ path: join(shots, "static-site.png"), fullPage: false });
    await xp.goto(`${sbase}/apmbc/states/FIN.html`);
    const eff = (await xp.textContent('[data-field="withdrawal_effective"]')).trim();
    check("static site: Finland's page gives the withdrawal date", eff === "2026-01-10", eff);
    await xp.goto(`${sbase}/apmbc/index.html?on=2025-06-01`);
    await xp.waitForSelector("main[data-ready=true]");
    check("static site: ?on= in the address shows that day", (await xp.getAttribute('#map a.st[data-state="FIN"]', "data-status")) === "party");
    check("static site: no failed or off-site requests", xerrors.length === 0, xerrors.join("; "));
    await xctx.close();
  }
} catch (e) {
  failed++;
  console.log(`FAIL ${e.stack ?? e}`);
} finally {
  await browser.close();
  for (const c of children) c.kill();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
