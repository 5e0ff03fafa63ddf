#!/usr/bin/env node
// Writes dashboards/portalis-triton.json (Grafana dashboard, schema 39). The JSON is generated so
// that panels stay uniform and the metric names live in one readable list; the test suite checks
// that the committed file equals this script's output, that every query parses (promtool) and
// that every metric it names is really exported by Triton, our models or the GPU exporters.
const fs = require('fs');
const path = require('path');

const sel = 'model=~"$model", pod=~"$pod"';
const rate = (metric, extra = '') => `rate(${metric}{${sel}${extra}}[$__rate_interval])`;

// [title, unit, targets [expr, legend], kind?]
const panels = [
  ['Request rate per model', 'reqps', [[`sum by (model) (${rate('nv_inference_request_success')})`, '{{model}}']]],
  ['Latency P50 / P95 / P99', 'µs', ['0.5', '0.95', '0.99'].map((q) => [
    `max by (model) (nv_inference_request_summary_us{${sel}, quantile="${q}"})`, `{{model}} P${Number(q) * 100}`])],
  ['Average queue time', 'µs', [[
    `sum by (model) (${rate('nv_inference_queue_duration_us')}) / sum by (model) (${rate('nv_inference_request_success')})`, '{{model}}']]],
  ['Success rate', 'percentunit', [[
    `sum by (model) (${rate('nv_inference_request_success')}) / (sum by (model) (${rate('nv_inference_request_success')}) + sum by (model) (${rate('nv_inference_request_failure')}))`, '{{model}}']]],
  ['Errors by reason', 'reqps', [[`sum by (model, reason) (${rate('nv_inference_request_failure')})`, '{{model}} {{reason}}']]],
  ['Pending requests (queue backlog)', 'short', [[`sum by (model) (nv_inference_pending_request_count{${sel}})`, '{{model}}']]],
  ['Active Triton instances', 'short', [['count(up{job="triton", pod=~"$pod"} == 1)', 'up']], 'stat'],
  ['Average batch size', 'short', [[
    `sum by (model) (${rate('nv_inference_count')}) / sum by (model) (${rate('nv_inference_exec_count')})`, '{{model}}']]],
  ['GPU utilisation', 'percentunit', [
    ['avg by (pod, gpu_uuid) (nv_gpu_utilization{pod=~"$pod"})', 'triton {{pod}} {{gpu_uuid}}'],
    ['avg by (Hostname, gpu) (DCGM_FI_DEV_GPU_UTIL) / 100', 'dcgm {{Hostname}} GPU {{gpu}}']]],
  ['GPU memory used', 'bytes', [
    ['sum by (pod, gpu_uuid) (nv_gpu_memory_used_bytes{pod=~"$pod"})', '{{pod}} {{gpu_uuid}} used'],
    ['sum by (pod, gpu_uuid) (nv_gpu_memory_total_bytes{pod=~"$pod"})', '{{pod}} {{gpu_uuid}} total']]],
  ['GPU temperature', 'celsius', [['max by (Hostname, gpu) (DCGM_FI_DEV_GPU_TEMP)', '{{Hostname}} GPU {{gpu}}']]],
  ['CPU utilisation (Triton)', 'percentunit', [['avg by (pod) (nv_cpu_utilization{pod=~"$pod"})', '{{pod}}']]],
  ['Translations per second by outcome', 'reqps', [[`sum by (model, outcome) (${rate('portalis_translations_total')})`, '{{model}} {{outcome}}']]],
  ['Throughput (Python lines/s)', 'short', [[`sum by (model) (${rate('portalis_python_lines_total')})`, '{{model}}']]],
  ['Cache hit rate', 'percentunit', [[
    `sum by (model) (${rate('portalis_cache_hits_total')}) / sum by (model) (${rate('portalis_translations_total', ', outcome!="error"')})`, '{{model}}']]],
  ['Engine worker restarts', 'short', [[`sum by (model) (increase(portalis_worker_restarts_total{${sel}}[$__range]))`, '{{model}}']], 'stat'],
  ['Warnings by code', 'short', [[`sum by (code) (${rate('portalis_warnings_total')})`, '{{code}}']]],
  ['Confidence distribution', 'short', [[`sum by (le) (${rate('portalis_confidence_bucket')})`, '{{le}}']], 'heatmap'],
];

function panel([title, unit, targets, kind = 'timeseries'], i) {
  const p = {
    id: i + 1,
    type: kind,
    title,
    datasource: { type: 'prometheus', uid: '${datasource}' },
    gridPos: { h: 8, w: 12, x: (i % 2) * 12, y: Math.floor(i / 2) * 8 },
    fieldConfig: { defaults: { unit }, overrides: [] },
    options: {},
    targets: targets.map(([expr, legendFormat], j) => ({
      refId: String.fromCharCode(65 + j),
      datasource: { type: 'prometheus', uid: '${datasource}' },
      expr,
      legendFormat,
      ...(kind === 'heatmap' ? { format: 'heatmap' } : {}),
    })),
  };
  if (kind === 'heatmap') p.options = { calculate: false, yAxis: { unit: 'short' } };
  return p;
}

const variable = (name, query) => ({
  name,
  label: name,
  type: 'query',
  datasource: { type: 'prometheus', uid: '${datasource}' },
  query: { query, refId: `${name}-var` },
  definition: query,
  refresh: 2,
  includeAll: true,
  multi: true,
  allValue: '.*',
  current: { text: 'All', value: '$__all' },
  sort: 1,
});

const dashboard = {
  uid: 'portalis-triton',
  title: 'Portalis / Triton',
  tags: ['portalis', 'triton'],
  schemaVersion: 39,
  version: 1,
  editable: true,
  time: { from: 'now-1h', to: 'now' },
  refresh: '30s',
  templating: {
    list: [
      { name: 'datasource', label: 'Data source', type: 'datasource', query: 'prometheus', current: { text: 'Prometheus', value: 'prometheus' } },
      variable('model', 'label_values(nv_inference_request_success, model)'),
      variable('pod', 'label_values(nv_inference_request_success{model=~"$model"}, pod)'),
    ],
  },
  panels: panels.map(panel),
};

const out = path.join(__dirname, 'dashboards', 'portalis-triton.json');
const text = JSON.stringify(dashboard, null, 2) + '\n';
if (process.argv.includes('--check')) {
  const same = fs.existsSync(out) && fs.readFileSync(out, 'utf8') === text;
  if (!same) { console.error(`${out} is stale: run node ${path.relative(process.cwd(), __filename)}`); process.exit(1); }
} else {
  fs.writeFileSync(out, text);
  console.log(`wrote ${out} (${panels.length} panels)`);
}
