#!/usr/bin/env bash
# Deploys Portalis on Triton to Kubernetes from deploy/k8s (kustomize overlays), in order:
# prerequisites → namespace → API-key secret → everything else → rollout wait → health check.
# Safe to run again (kubectl apply is idempotent; an existing API-key secret is kept).
#   deploy/scripts/deploy.sh [--overlay gpu|local] [--context NAME] [--dry-run] [--timeout 600s]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
k8s_dir="${here}/../k8s"
overlay="gpu"
context=""
dry_run=0
timeout="600s"
namespace="portalis"

if [[ -t 1 ]]; then
  bold=$'\e[1m'; green=$'\e[32m'; yellow=$'\e[33m'; red=$'\e[31m'; reset=$'\e[0m'
else
  bold=''; green=''; yellow=''; red=''; reset=''
fi
step() { printf '%s==>%s %s\n' "$bold" "$reset" "$*"; }
ok() { printf '%s  ok%s %s\n' "$green" "$reset" "$*"; }
warn() { printf '%swarn%s %s\n' "$yellow" "$reset" "$*"; }
die() { printf '%serror%s %s\n' "$red" "$reset" "$*" >&2; exit 1; }

usage() { sed -n '2,5p' "$0"; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --overlay) overlay="$2"; shift 2 ;;
    --context) context="$2"; shift 2 ;;
    --dry-run) dry_run=1; shift ;;
    --timeout) timeout="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option $1" ;;
  esac
done
[[ -d "${k8s_dir}/overlays/${overlay}" ]] || die "no overlay '${overlay}' (have: $(cd "${k8s_dir}/overlays" && echo *))"

kubectl_args=()
if [[ -n "$context" ]]; then kubectl_args+=(--context "$context"); fi
kc() { kubectl "${kubectl_args[@]}" "$@"; }
dry=()
if [[ "$dry_run" == 1 ]]; then dry=(--dry-run=server); fi

step "Checking prerequisites"
command -v kubectl >/dev/null || die "kubectl not found"
if command -v kustomize >/dev/null; then build() { kustomize build "$1"; }; else build() { kubectl kustomize "$1"; }; fi
kc version --client >/dev/null || die "kubectl does not run"
kc cluster-info >/dev/null 2>&1 || die "cannot reach the cluster (context: ${context:-current})"
ok "cluster reachable"
manifests="$(build "${k8s_dir}/overlays/${overlay}")" || die "kustomize build failed"
ok "overlay ${overlay} builds ($(grep -c '^kind:' <<< "$manifests") objects)"
if [[ "$overlay" == "gpu" ]]; then
  gpus="$(kc get nodes -o jsonpath='{range .items[*]}{.status.allocatable.nvidia\.com/gpu}{"\n"}{end}' | grep -c '[1-9]' || true)"
  [[ "$gpus" -gt 0 ]] || die "no node offers nvidia.com/gpu (install the NVIDIA device plugin, or use --overlay local)"
  ok "${gpus} GPU node(s)"
fi
# The overlays put the Prometheus adapter's rules in the monitoring namespace.
kc get namespace monitoring >/dev/null 2>&1 || die "namespace monitoring not found: install Prometheus (and prometheus-adapter) there first (deploy/README.md)"
kc get ingressclass nginx >/dev/null 2>&1 || warn "IngressClass nginx not found: the Ingress will not be served"
kc get apiservice v1beta1.custom.metrics.k8s.io >/dev/null 2>&1 || warn "custom metrics API missing: install prometheus-adapter (HPA uses CPU only until then)"

step "Namespace"
kc apply "${dry[@]}" -f "${k8s_dir}/base/namespace.yaml"

step "API key secret"
if kc -n "$namespace" get secret portalis-api-key >/dev/null 2>&1; then
  ok "portalis-api-key exists (kept)"
elif [[ "$dry_run" == 1 ]]; then
  warn "dry run: would create secret portalis-api-key"
else
  key="${PORTALIS_API_KEY:-$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 40)}"
  # From stdin, so the key never shows in a process listing.
  kc -n "$namespace" create secret generic portalis-api-key --from-file=api-key=/dev/stdin <<< "$key" >/dev/null
  ok "created portalis-api-key (read it with: kubectl -n ${namespace} get secret portalis-api-key -o jsonpath='{.data.api-key}' | base64 -d)"
fi
kc -n "$namespace" get secret portalis-tls >/dev/null 2>&1 || warn "TLS secret portalis-tls missing: create it (or let cert-manager) before using the Ingress"

step "Applying the ${overlay} overlay"
kc apply "${dry[@]}" -f - <<< "$manifests"

if [[ "$dry_run" == 1 ]]; then
  ok "dry run finished: nothing was changed"
  exit 0
fi

step "Waiting for the rollout (timeout ${timeout})"
if ! kc -n "$namespace" rollout status deployment/portalis-triton --timeout "$timeout"; then
  kc -n "$namespace" get pods -l app.kubernetes.io/name=portalis-triton -o wide || true
  die "rollout did not finish; see 'kubectl -n ${namespace} describe pod' and deploy/README.md (Troubleshooting)"
fi

step "Health check through a port-forward"
port=18000
kc -n "$namespace" port-forward service/portalis-triton "${port}:8000" "$((port + 2)):8002" >/dev/null 2>&1 &
pf=$!
trap 'kill "$pf" 2>/dev/null || true' EXIT
for _ in $(seq 1 20); do
  kill -0 "$pf" 2>/dev/null || break   # port-forward gave up: no point waiting
  if curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:${port}/v2/health/live"; then break; fi
  sleep 0.5
done
if "${here}/health-check.sh" --url "http://127.0.0.1:${port}" --metrics-url "http://127.0.0.1:$((port + 2))"; then
  ok "Portalis is deployed and healthy (${overlay})"
else
  die "deployed, but the health check failed"
fi
