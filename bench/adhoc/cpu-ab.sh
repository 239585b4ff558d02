#!/bin/bash
# Two running API processes, one closed loop each in turn: requests/s, p50 and the server's CPU ms per request (/proc).
# usage: bench/adhoc/cpu-ab.sh PORT_A PORT_B [seconds=12] [rounds=4]
here=$(dirname "$0")
cpu_of() {
  local pid; pid=$(ss -ltnp "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
  local t0; t0=$(awk '{print $14+$15}' "/proc/$pid/stat")
  local out; out=$(node "$here/closed-loop.mjs" "http://localhost:$1/graphql" "$2" 8 2>/dev/null)
  local t1; t1=$(awk '{print $14+$15}' "/proc/$pid/stat")
  local n; n=$(echo "$out" | grep -o '"requests":[0-9]*' | cut -d: -f2)
  echo "port $1 $out cpu_ms_per_req=$(echo "scale=3; ($t1-$t0)*1000/$(getconf CLK_TCK)/$n" | bc)"
}
for _ in $(seq 1 "${4:-4}"); do cpu_of "$1" "${3:-12}"; cpu_of "$2" "${3:-12}"; done
