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
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const base = process.env.BASE_URL ?? "http://127.0.0.1:18080";
const out = process.env.OUT_DIR ?? "../../../tests-output/browser";
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
} catch (e) {
  failed++;
  console.log(`FAIL ${e.stack ?? e}`);
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
