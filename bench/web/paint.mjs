// Web app speed on localhost: first contentful paint, first meaningful paint (the first case
// row on screen), time to interactive, and scrolling through 10,000 cases — against a
// reference page served by the same server in the same session: the same 10,000 rows as plain
// HTML with the app's stylesheet and no script (the floor for paint; what an unvirtualised
// list costs for scrolling). Prints one JSON line.
//
// Usage: node bench/web/paint.mjs [--cases N] [--runs R]   (after scripts/build.sh release
// and scripts/build-web.sh; FEEDROOM_BIN picks another binary)
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { eventually, openBrowser, password, repo, startFeedroom } from "../../web/e2e/harness.mjs";

const { values } = parseArgs({ options: { cases: { type: "string", default: "10000" }, runs: { type: "string", default: "5" } } });
const caseCount = Number(values.cases);
const runs = Number(values.runs);
process.env.FEEDROOM_BIN ??= join(repo, "build/release/apps/feedroom/feedroom");

const work = mkdtempSync(join(tmpdir(), "feedroom-webbench-"));

// The scenario: one X mention from each of `caseCount` customers, all due at once.
function scenario() {
  const lines = ['name = "web bench"'];
  for (let i = 0; i < caseCount; i++) {
    const id = String(1700000000000000000n + BigInt(i));
    lines.push(`[[customers]]\nkey = "c${i}"\nplatform = "x"\nid = "${id}"\nhandle = "customer_${i}"\nname = "לקוח ${i}"\nfollowers = ${i % 5000}`);
  }
  for (let i = 0; i < caseCount; i++) {
    lines.push(`[[steps]]\nat = 0\ncustomer = "c${i}"\nkind = "mention"\ntext = "@kantina_il ההזמנה ${i} לא הגיעה, מה קורה? order ${i} never arrived"`);
  }
  const path = join(work, "bench-scenario.toml");
  writeFileSync(path, lines.join("\n") + "\n");
  return path;
}

// The web root: the built app plus the reference page.
function webRoot() {
  const root = join(work, "web");
  cpSync(join(repo, "web/dist"), root, { recursive: true });
  const css = readdirSync(join(root, "assets")).find((f) => f.endsWith(".css"));
  const rows = [];
  for (let i = 0; i < caseCount; i++) {
    rows.push(
      `<div class="case-row"><div class="case-row-top"><bdi class="case-row-who">לקוח ${i}</bdi><span class="case-row-time">21:0${i % 10}</span></div>` +
        `<div class="case-row-preview" dir="auto">ההזמנה ${i} לא הגיעה, מה קורה? order ${i} never arrived</div>` +
        `<div class="case-row-bottom"><span class="status status-new">חדשה</span><span class="sla sla-ok">נותרו 52 דק׳</span></div></div>`,
    );
  }
  writeFileSync(
    join(root, "reference.html"),
    `<!doctype html><html lang="he" dir="rtl"><head><meta charset="utf-8"><link rel="stylesheet" href="/assets/${css}"></head>` +
      `<body><div class="reference-list" id="list">${rows.join("")}</div></body></html>`,
  );
  return root;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

// Recorded in every page before its scripts run: paints, long tasks, the first case row.
const kObserve = `
  window.__bench = { longtasks: [], firstRow: null, fcp: null };
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__bench.longtasks.push([e.startTime, e.startTime + e.duration]); })
    .observe({ type: "longtask", buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === "first-contentful-paint") window.__bench.fcp = e.startTime; })
    .observe({ type: "paint", buffered: true });
  new MutationObserver((_, obs) => {
    if (document.querySelector(".case-row")) {
      requestAnimationFrame(() => { window.__bench.firstRow = performance.now(); });
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

const kQuietMs = 2000; // TTI: the first moment after the first row with no long task for this long

async function loadOnce(browser, url, cookie) {
  const context = await browser.newContext({ locale: "he-IL", viewport: { width: 1440, height: 900 } });
  if (cookie) await context.addCookies([cookie]);
  await context.addInitScript(kObserve);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(() => window.__bench.firstRow !== null && window.__bench.fcp !== null, null, { timeout: 30_000 });
  await page.waitForTimeout(kQuietMs + 500);
  const b = await page.evaluate(() => window.__bench);
  const busyUntil = b.longtasks.filter(([, end]) => end > 0).reduce((m, [, end]) => Math.max(m, end), 0);
  await context.close();
  // The first row counts once it is painted, so never before the first contentful paint.
  const fmp = Math.max(b.firstRow, b.fcp);
  return { fcp: b.fcp, fmp, tti: Math.max(fmp, busyUntil), longtasks: b.longtasks.length };
}

// Scrolls `selector` (or the page) by `step` px per frame for `frames` frames; frame deltas.
async function scrollFrames(page, selector, step, frames) {
  return page.evaluate(
    ([sel, stepPx, count]) =>
      new Promise((done) => {
        const el = sel ? document.querySelector(sel) : document.scrollingElement;
        const deltas = [];
        let last = performance.now();
        let n = 0;
        const tick = (t) => {
          deltas.push(t - last);
          last = t;
          el.scrollTop += stepPx;
          if (++n < count) requestAnimationFrame(tick);
          else done(deltas.slice(2));
        };
        requestAnimationFrame(tick);
      }),
    [selector, step, frames],
  );
}

function frameStats(deltas) {
  return {
    p50_ms: +median(deltas).toFixed(1),
    p95_ms: +percentile(deltas, 95).toFixed(1),
    max_ms: +Math.max(...deltas).toFixed(1),
    janky_pct: +((100 * deltas.filter((d) => d > 33.4).length) / deltas.length).toFixed(1),
  };
}

const sqlite = (db, sql) => spawnSync("sqlite3", [db, sql], { encoding: "utf8" }).stdout.trim();

const feedroom = await startFeedroom(work, { scenario: scenario(), web: webRoot() });
const browser = await openBrowser();
try {
  const db = join(work, "data", "feedroom.db");
  const seeded = Date.now();
  await eventually(`${caseCount} cases`, () => Number(sqlite(db, "SELECT count(*) FROM cases")) >= caseCount, 600_000);
  const seedSeconds = (Date.now() - seeded) / 1000;

  const signIn = await fetch(`${feedroom.base}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "ronit", password }),
  });
  const token = /fr_session=([^;]+)/.exec(signIn.headers.get("set-cookie"))[1];
  const cookie = { name: "fr_session", value: token, domain: "127.0.0.1", path: "/", httpOnly: true, sameSite: "Strict" };

  const app = [];
  const reference = [];
  for (let r = 0; r < runs; r++) {
    reference.push(await loadOnce(browser, `${feedroom.base}/reference.html`, null));
    app.push(await loadOnce(browser, `${feedroom.base}/?queue=all`, cookie));
  }

  // Scrolling: every case loaded into the app's list, then the same distance in both.
  const context = await browser.newContext({ locale: "he-IL", viewport: { width: 1440, height: 900 } });
  await context.addCookies([cookie]);
  const page = await context.newPage();
  await page.goto(`${feedroom.base}/?queue=all`);
  await page.waitForSelector(".case-row");
  const loadAll = Date.now();
  await eventually(
    "every case in the list",
    async () => {
      await page.evaluate(() => {
        const l = document.querySelector(".case-list");
        l.scrollTop = l.scrollHeight;
      });
      const n = await page.evaluate(() => document.querySelector(".case-list-inner").offsetHeight / 84);
      return n >= caseCount;
    },
    300_000,
  );
  const loadAllSeconds = (Date.now() - loadAll) / 1000;
  await page.evaluate(() => (document.querySelector(".case-list").scrollTop = 0));
  const domRowsApp = await page.locator(".case-row").count();
  const appFrames = await scrollFrames(page, ".case-list", 400, 300);
  const ref = await context.newPage();
  await ref.goto(`${feedroom.base}/reference.html`);
  const domRowsRef = await ref.locator(".case-row").count();
  const refFrames = await scrollFrames(ref, null, 400, 300);
  await context.close();

  const pick = (xs, k) => +median(xs.map((x) => x[k])).toFixed(0);
  const result = {
    cases: caseCount,
    runs,
    seed_s: +seedSeconds.toFixed(1),
    app: { fcp_ms: pick(app, "fcp"), fmp_ms: pick(app, "fmp"), tti_ms: pick(app, "tti"), longtasks: pick(app, "longtasks") },
    reference: { fcp_ms: pick(reference, "fcp"), fmp_ms: pick(reference, "fmp"), tti_ms: pick(reference, "tti"), longtasks: pick(reference, "longtasks") },
    scroll: {
      app: { dom_rows: domRowsApp, ...frameStats(appFrames) },
      reference: { dom_rows: domRowsRef, ...frameStats(refFrames) },
      load_all_s: +loadAllSeconds.toFixed(1),
    },
    target_tti_ms: 1000,
  };
  result.app_tti_within_target = result.app.tti_ms < 1000;
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  await feedroom.stop();
}
