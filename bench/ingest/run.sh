#!/usr/bin/env bash
# bench/ingest: signed X and Meta webhooks over loopback against `feedroom serve` (release,
# SQLite under a temp dir) and, in the same run, nginx answering a plain 200 (the ceiling).
# Rounds alternate nginx / feedroom; the median round of each is reported. Prints one JSON
# line and exits non-zero if any acknowledged message is missing from the store.
# After each feedroom round the script waits until the threading stage has filed every
# acknowledged delivery into cases (drain_s); threading_rps is messages threaded per second
# over load plus drain, the sustained rate of the whole pipeline.
# Environment: ROUNDS (3), SECONDS_PER_ROUND (8), CONNECTIONS (64).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/build.sh release feedroom fr_bench_loadgen >/dev/null

rounds="${ROUNDS:-3}"
secs="${SECONDS_PER_ROUND:-8}"
conns="${CONNECTIONS:-64}"
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

x_secret=bench-x-secret; x_account=1500000000000000001
meta_secret=bench-meta-secret; meta_page=104000000000001
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

# nginx: 2 workers (one per core, as feedroom's 2 HTTP threads), plain 200 for any POST.
nginx_port=$(free_port)
mkdir -p "$work/nginx/logs"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 2;
error_log $work/nginx/logs/error.log;
pid $work/nginx/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $work/nginx/body;
  server { listen 127.0.0.1:$nginx_port reuseport; location / { return 200 '{"status":"accepted"}'; } }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" -g 'daemon off;' &
nginx_pid=$!

feedroom_port=$(free_port)
cat >"$work/feedroom.toml" <<CONF
[server]
threads = 2
[log]
level = "warn"
[x]
consumer_secret = "$x_secret"
[[x.accounts]]
user_id = "$x_account"
[meta]
app_secret = "$meta_secret"
verify_token = "bench"
[[meta.pages]]
page_id = "$meta_page"
CONF
build/release/apps/feedroom/feedroom serve --config "$work/feedroom.toml" --data "$work/data" \
  --listen "127.0.0.1:$feedroom_port" >/dev/null &
feedroom_pid=$!
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$feedroom_port/readyz" >/dev/null && curl -sf -o /dev/null "http://127.0.0.1:$nginx_port/" && break
  sleep 0.1
done

load() {  # load TARGET PORT RUN_ID
  build/release/bench/fr_bench_loadgen --target "$1" --port "$2" --run-id "$3" \
    --connections "$conns" --seconds "$secs" --x-secret "$x_secret" --x-account "$x_account" \
    --meta-secret "$meta_secret" --meta-page "$meta_page"
}
backlog() { curl -s "http://127.0.0.1:$feedroom_port/metrics" | awk '$1=="feedroom_ingest_backlog"{print $2}'; }
# After each feedroom round, wait until every acknowledged delivery is threaded into cases
# (so the next nginx round does not share the CPU with it); that wait is the drain time.
for r in $(seq "$rounds"); do
  load nginx "$nginx_port" "n$r" >>"$work/nginx.jsonl"
  load feedroom "$feedroom_port" "f$r" >>"$work/feedroom.jsonl"
  start=$(date +%s.%N)
  for _ in $(seq 6000); do [ "$(backlog)" = "0" ] && break; sleep 0.1; done
  echo "$(date +%s.%N) - $start" | bc >>"$work/drain.txt"
done

kill -TERM "$feedroom_pid"; wait "$feedroom_pid" || true
kill -QUIT "$nginx_pid"; wait "$nginx_pid" || true
stored=$(sqlite3 "$work/data/feedroom.db" 'SELECT count(*) FROM messages')

python3 - "$work" "$stored" <<'PY'
import json, sys, statistics, platform, os
work, stored = sys.argv[1], int(sys.argv[2])
def rows(name): return [json.loads(l) for l in open(f"{work}/{name}.jsonl")]
drains = [float(l) for l in open(f"{work}/drain.txt")]
ng, fr = rows("nginx"), rows("feedroom")
med = lambda rs: sorted(rs, key=lambda r: r["rps"])[len(rs) // 2]
n, f = med(ng), med(fr)
acked = sum(r["acked"] for r in fr)
out = {"feedroom_rps": f["rps"], "nginx_rps": n["rps"], "ratio": round(f["rps"] / n["rps"], 3),
       "p50_ms": f["p50_ms"], "p99_ms": f["p99_ms"], "stored": stored, "acked": acked,
       "failed": sum(r["failed"] for r in fr), "rounds": len(fr),
       "drain_s": [round(d, 2) for d in drains],
       "threading_rps": round(sum(r["acked"] for r in fr) / sum(r["acked"] / r["rps"] + d for r, d in zip(fr, drains))),
       "feedroom_rounds_rps": [r["rps"] for r in fr], "nginx_rounds_rps": [r["rps"] for r in ng],
       "cpus": os.cpu_count(), "machine": platform.machine()}
print(json.dumps(out))
sys.exit(0 if stored == acked else 1)
PY
