#!/usr/bin/env bash
# Load test of "serve": decisions per second and latency of both authorize endpoints with wrk
# (Debian package wrk), against /actuator/health in the same run as the baseline.
#   bench/serve.sh [NUMBERS=100000] [SECONDS=15] [CONNECTIONS=32]
# Needs target/voipguard.jar (mvn -B -q package -DskipTests). See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
NUMBERS=${1:-100000}
SECONDS_EACH=${2:-15}
CONNECTIONS=${3:-32}
PORT=${BENCH_PORT:-18089}
DIR=target/bench-serve
JAR=$PWD/target/voipguard.jar
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
[ -f "$JAR" ] || { echo "build the jar first: mvn -B -q package -DskipTests" >&2; exit 2; }
rm -rf "$DIR" && mkdir -p "$DIR"
cp -r rules batch-config "$DIR"/
cd "$DIR"

# 100,000 numbers: every fourth with its own limits, every third with an access list.
awk -v n="$NUMBERS" 'BEGIN {
    print "number,login,number_email,login_email,national_limit_ppm,international_limit_ppm,ip_access_list,ip_agent_notify,bill_warning_level_gbp"
    for (i = 0; i < n; i++) {
        limits = (i % 4 == 0) ? "30,5" : ","
        acl = (i % 3 == 0) ? "\"192.0.2." (i % 250) ", 2001:db8:" sprintf("%x", i % 65536) "::/48\"" : ""
        printf "+4416%08d,login%d,,,%s,%s,,\n", i, i / 10, limits, acl
    }
}' > numbers.csv
java -jar "$JAR" numbers import numbers.csv | tail -1

java -Xmx512m -jar "$JAR" serve --server.port="$PORT" > serve.log 2>&1 &
SERVE=$!
trap 'kill $SERVE 2>/dev/null || true' EXIT
for _ in $(seq 120); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break
    sleep 1
done

cat > calls.lua <<LUA
local dialled = {"09098790123", "01632960999", "07700900123", "0033140000000", "+12025550143", "00447700900789"}
request = function()
    local n = math.random(0, $NUMBERS - 1)
    return wrk.format("GET", string.format("/v1/calls/authorize?number=4416%08d&dialled=%s", n, dialled[math.random(#dialled)]))
end
LUA
cat > registrations.lua <<LUA
request = function()
    local n = math.random(0, $NUMBERS - 1)
    return wrk.format("GET", string.format("/v1/registrations/authorize?number=4416%08d&ip=192.0.2.%d", n, math.random(0, 255)))
end
LUA

run() { # name, wrk arguments...
    local name=$1; shift
    # warm-up (JIT), then the measured run
    wrk -t2 -c"$CONNECTIONS" -d5s "$@" >/dev/null
    wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "$@" > "wrk-$name.txt"
    local rps p50 p99
    rps=$(awk '/^Requests\/sec/ {print $2}' "wrk-$name.txt")
    p50=$(awk '$1 == "50%" {print $2}' "wrk-$name.txt")
    p99=$(awk '$1 == "99%" {print $2}' "wrk-$name.txt")
    printf '%-14s %10s req/s   p50 %8s   p99 %8s\n' "$name" "$rps" "$p50" "$p99"
    echo "$rps" > "rps-$name.txt"
}
echo "serve with $NUMBERS numbers; wrk -t2 -c$CONNECTIONS -d${SECONDS_EACH}s --latency on $(nproc) cores shared with the server"
run health "http://127.0.0.1:$PORT/actuator/health"
run calls -s calls.lua "http://127.0.0.1:$PORT"
run registrations -s registrations.lua "http://127.0.0.1:$PORT"
awk -v h="$(cat rps-health.txt)" -v c="$(cat rps-calls.txt)" -v r="$(cat rps-registrations.txt)" \
    'BEGIN { printf "ratio to /actuator/health: calls %.2f, registrations %.2f\n", c / h, r / h }'
curl -s "http://127.0.0.1:$PORT/actuator/prometheus" | grep -E '^voipguard_decisions_seconds_count' || true
