// Support for the browser tests: runs the real `feedroom serve` (with the built web app) and
// `feedroom simulate` on free loopback ports, adds the people, and opens Debian's Chromium
// through playwright-core. Nothing here is faked: the browser talks to the server, the server
// to the simulator, exactly as in the demo.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

export const repo = resolve(import.meta.dirname, "../..");
export const password = "e2e-password-only";

/** The feedroom binary under test: FEEDROOM_BIN, else the ASan build the test command makes. */
export function feedroomBinary() {
  return process.env.FEEDROOM_BIN ?? join(repo, "build/asan/apps/feedroom/feedroom");
}

export async function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** Starts `feedroom args…` and resolves once it prints its http://127.0.0.1:PORT line. */
function startProcess(args, logFile) {
  return new Promise((ok, fail) => {
    const child = spawn(feedroomBinary(), args, { cwd: repo, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ASAN_OPTIONS: "detect_leaks=0" } });
    let out = "";
    const timer = setTimeout(() => fail(new Error(`feedroom ${args[0]} did not start:\n${out}`)), 60_000);
    const onData = (chunk) => {
      out += chunk;
      writeFileSync(logFile, out);
      const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m && child.port === undefined) {
        child.port = Number(m[1]);
        clearTimeout(timer);
        ok(child);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      if (child.port === undefined) fail(new Error(`feedroom ${args[0]} exited ${code}:\n${out}`));
    });
  });
}

function stopProcess(child) {
  return new Promise((ok) => {
    if (!child || child.exitCode !== null) return ok();
    child.once("exit", () => ok());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
  });
}

function cli(config, data, args, stdin) {
  const r = spawnSync(feedroomBinary(), [...args, "--config", config, "--data", data], {
    input: stdin,
    encoding: "utf8",
    env: { ...process.env, ASAN_OPTIONS: "detect_leaks=0" },
  });
  if (r.status !== 0) throw new Error(`feedroom ${args.join(" ")} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/**
 * A Feedroom with the simulator: the demo configuration with this run's ports, three people
 * (a Hebrew-speaking agent in the X team, a supervisor, an admin), the built web app (or
 * `web`), and the simulator playing `scenario` when given, `speed` times faster (its start
 * back-dated by the time that saves, so a long scenario leaves history behind at once).
 */
export async function startFeedroom(work, { scenario, web, speed } = {}) {
  const simPort = await freePort();
  const sim = `http://127.0.0.1:${simPort}`;
  const config = join(work, "feedroom.toml");
  const data = join(work, "data");
  mkdirSync(data, { recursive: true });
  const demo = readFileSync(join(repo, "config/demo.toml"), "utf8")
    .replaceAll("http://127.0.0.1:8090", sim)
    .replace(/^listen = .*$/m, 'listen = "127.0.0.1:0"');
  writeFileSync(config, demo);
  const person = (username, role, name) =>
    cli(config, data, ["user", "add", "--username", username, "--role", role, "--name", name, "--languages", "he,en"], `${password}\n`);
  person("dana", "agent", "דנה כהן");
  person("ronit", "supervisor", "רונית אלון");
  person("admin", "admin", "מנהלת");
  cli(config, data, ["team", "add", "--name", "צוות X", "--members", "dana", "--platforms", "x", "--signature", "caret"]);

  const server = await startProcess(
    ["serve", "--config", config, "--data", data, "--listen", "127.0.0.1:0", "--web", web ?? join(repo, "web/dist")],
    join(work, "serve.log"),
  );
  const base = `http://127.0.0.1:${server.port}`;
  const simulator = await startProcess(
    [
      "simulate",
      "--config",
      config,
      "--listen",
      `127.0.0.1:${simPort}`,
      "--target",
      base,
      ...(scenario ? ["--scenario", scenario] : []),
      ...(speed ? ["--speed", String(speed)] : []),
    ],
    join(work, "simulate.log"),
  );
  return {
    base,
    sim,
    async stop() {
      await stopProcess(simulator);
      await stopProcess(server);
    },
  };
}

/** Plays one step on the simulator now (POST /sim/steps); resolves to its answer. */
export async function playStep(sim, step) {
  const r = await fetch(`${sim}/sim/steps`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(step) });
  const body = await r.json();
  if (r.status !== 202) throw new Error(`POST /sim/steps: ${r.status} ${JSON.stringify(body)}`);
  return body;
}

/** Every request the fake platforms accepted, in order. */
export async function simSent(sim) {
  const r = await fetch(`${sim}/sim/sent`);
  return (await r.json()).sent;
}

/** Headless Debian Chromium (never a downloaded browser). */
export async function openBrowser() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  return browser;
}

/** Waits until `probe()` is truthy (polling), or throws with `what`. */
export async function eventually(what, probe, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  let last;
  while (Date.now() < until) {
    last = await probe();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}
