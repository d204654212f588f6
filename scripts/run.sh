#!/usr/bin/env bash
# Feedroom's main job: builds the optimised binary, adds the demo people, starts the platform
# simulator (a fake X and Meta, docs/simulator.md) in the background and serves Feedroom in
# the foreground with the demo configuration (SQLite under ./feedroom-data). The simulator
# plays config/scenarios/demo.toml: ten minutes of customers writing to the brand, arriving
# as webhooks; replies the connectors send go to the simulator and come back as echoes. It
# knows only what it played in this run, so replies to cases of earlier runs are refused as
# the platforms refuse replies to unknown posts. Ctrl-C stops both.
# Environment: FEEDROOM_CONFIG (default config/demo.toml), FEEDROOM_DATA (./feedroom-data),
# FEEDROOM_LISTEN (127.0.0.1:8080), FEEDROOM_SIM_LISTEN (127.0.0.1:8090: must match the
# config's x.api_base and meta.graph_base), FEEDROOM_SCENARIO (the scenario; empty: none),
# FEEDROOM_SIM_SPEED (1: real time), FEEDROOM_SIMULATOR=0 (serve without the simulator, e.g.
# against the real platforms); secrets as in docs/configuration.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh release feedroom
bash scripts/build-web.sh
feedroom=build/release/apps/feedroom/feedroom
config="${FEEDROOM_CONFIG:-config/demo.toml}"
data="${FEEDROOM_DATA:-./feedroom-data}"
listen="${FEEDROOM_LISTEN:-127.0.0.1:8080}"
sim_listen="${FEEDROOM_SIM_LISTEN:-127.0.0.1:8090}"
scenario="${FEEDROOM_SCENARIO-config/scenarios/demo.toml}"

# The demo people. Their password is public: for trying Feedroom out on this machine only.
demo_password="feedroom-demo-only"
add_person() {  # username role "display name" languages
  local out code=0
  out="$(printf '%s\n' "$demo_password" | "$feedroom" user add --config "$config" \
    --data "$data" --username "$1" --role "$2" --name "$3" --languages "$4" 2>&1)" || code=$?
  if [ "$code" -ne 0 ] && [ "$code" -ne 3 ]; then  # 3: already there
    printf '%s\n' "$out" >&2
    exit "$code"
  fi
}
add_person admin admin "מנהלת המערכת" he,en
add_person supervisor supervisor "רונית אלון" he,en
add_person dana agent "דנה כהן" he,en
add_person yossi agent "יוסי לוי" he

# The demo teams: cases on X go to the first, Meta's networks to the second. Agents get cases
# automatically once they are available (PUT /api/v1/me/presence, or the web app's connection).
add_team() {  # name members platforms signature
  local out code=0
  out="$("$feedroom" team add --config "$config" --data "$data" --name "$1" --members "$2" \
    --platforms "$3" --signature "$4" 2>&1)" || code=$?
  if [ "$code" -ne 0 ] && [ "$code" -ne 3 ]; then  # 3: already there
    printf '%s\n' "$out" >&2
    exit "$code"
  fi
}
add_team "צוות X" dana,yossi x caret
add_team "צוות Meta" dana,yossi facebook,messenger,instagram dash_name

# Feedroom as the simulator reaches it: a wildcard listen address means loopback.
host="${listen%:*}"
case "$host" in 0.0.0.0 | "[::]" | "") host=127.0.0.1 ;; esac
target="http://$host:${listen##*:}"

simulator="off"
if [ "${FEEDROOM_SIMULATOR:-1}" != 0 ]; then
  sim_args=(simulate --config "$config" --listen "$sim_listen" --target "$target"
            --speed "${FEEDROOM_SIM_SPEED:-1}")
  if [ -n "$scenario" ]; then sim_args+=(--scenario "$scenario"); fi
  "$feedroom" "${sim_args[@]}" &
  sim_pid=$!
  trap 'kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true' EXIT
  simulator="http://$sim_listen  (fake X and Meta; GET /sim/sent lists the replies accepted)"
fi

cat <<INFO

  Control room: http://$listen   (sign in below; API under /api/v1, see schema/openapi.yaml)
  Simulator:  $simulator
  Scenario:   ${scenario:-none}
  Listening:  X recent search and the forum.demo feed, both served by the simulator from the
              scenario's untagged posts (docs/sources.md); food.safety matches open cases

  Demo logins (DEMO ONLY, password "$demo_password" for all; never use these for real):
    admin        admin        מנהלת המערכת
    supervisor   supervisor   רונית אלון
    dana         agent        דנה כהן
    yossi        agent        יוסי לוי
  Sign in: curl -c cookies -H 'content-type: application/json' \\
             -d '{"username":"dana","password":"$demo_password"}' http://$listen/api/v1/session

INFO
"$feedroom" serve --config "$config" --data "$data" --listen "$listen" --web web/dist
