#!/usr/bin/env bash
# Checks a running Portalis Triton: server live + ready, every Portalis model ready, metrics
# endpoint up. Exit 0 when healthy, 1 otherwise (usable from cron, CI or a probe).
#   deploy/scripts/health-check.sh [--url http://127.0.0.1:8000] [--metrics-url http://127.0.0.1:8002]
#                                  [--models interactive_api,interactive_stream,translation_model,batch_processor]
set -euo pipefail

url="${TRITON_URL:-http://127.0.0.1:8000}"
metrics_url="${TRITON_METRICS_URL:-http://127.0.0.1:8002}"
models="${PORTALIS_MODELS:-interactive_api,interactive_stream,translation_model,batch_processor}"
api_key="${PORTALIS_API_KEY:-}"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --url) url="$2"; shift 2 ;;
    --metrics-url) metrics_url="$2"; shift 2 ;;
    --models) models="$2"; shift 2 ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "health-check: unknown option $1" >&2; exit 1 ;;
  esac
done

if [[ -t 1 ]]; then green=$'\e[32m'; red=$'\e[31m'; reset=$'\e[0m'; else green=''; red=''; reset=''; fi
failed=0

# check NAME URL: one GET that must answer 200.
check() {
  local name="$1" target="$2" headers=()
  if [[ -n "$api_key" ]]; then headers=(-H "x-api-key: ${api_key}"); fi
  if curl -fs -o /dev/null --max-time 5 "${headers[@]}" "$target"; then
    printf '%sok%s   %s\n' "$green" "$reset" "$name"
  else
    printf '%sFAIL%s %s (%s)\n' "$red" "$reset" "$name" "$target"
    failed=1
  fi
}

command -v curl >/dev/null || { echo "health-check: curl is required" >&2; exit 1; }
check "server live" "${url}/v2/health/live"
check "server ready" "${url}/v2/health/ready"
IFS=',' read -r -a model_list <<< "$models"
for m in "${model_list[@]}"; do
  check "model ${m} ready" "${url}/v2/models/${m}/ready"
done
check "metrics endpoint" "${metrics_url}/metrics"

exit "$failed"
