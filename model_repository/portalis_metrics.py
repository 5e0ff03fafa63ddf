"""Custom Prometheus metrics of the Portalis models (served next to Triton's nv_inference_*
on the metrics port):
  portalis_translations_total{model, outcome}   outcome: ok | fatal | error
  portalis_warnings_total{model, code}          engine diagnostics by code (PTR0xx)
  portalis_confidence{model}                    histogram of confidence scores
  portalis_cache_hits_total{model}              answers served from the model's result cache
  portalis_python_lines_total{model}            Python lines translated (throughput in lines/s)
  portalis_worker_restarts_total{model}         engine worker restarts (crash or hang)
"""
import triton_python_backend_utils as pb_utils

BUCKETS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0]


class Metrics:
    def __init__(self, model):
        self.model = model
        self.translations = pb_utils.MetricFamily(
            name="portalis_translations_total", description="Translations by model and outcome",
            kind=pb_utils.MetricFamily.COUNTER)
        self.warnings = pb_utils.MetricFamily(
            name="portalis_warnings_total", description="Engine diagnostics by code",
            kind=pb_utils.MetricFamily.COUNTER)
        self.confidence = pb_utils.MetricFamily(
            name="portalis_confidence", description="Confidence scores of translations",
            kind=pb_utils.MetricFamily.HISTOGRAM)
        self.cache_hits = pb_utils.MetricFamily(
            name="portalis_cache_hits_total", description="Translations answered from the result cache",
            kind=pb_utils.MetricFamily.COUNTER)
        self.lines = pb_utils.MetricFamily(
            name="portalis_python_lines_total", description="Python source lines translated",
            kind=pb_utils.MetricFamily.COUNTER)
        self.restarts = pb_utils.MetricFamily(
            name="portalis_worker_restarts_total", description="Engine worker restarts",
            kind=pb_utils.MetricFamily.COUNTER)
        self._metrics = {}
        self._confidence = self.confidence.Metric(labels={"model": model}, buckets=BUCKETS)
        self._cache_hits = self.cache_hits.Metric(labels={"model": model})
        self._restarts = self.restarts.Metric(labels={"model": model})
        self._lines = self.lines.Metric(labels={"model": model})
        self._restarts_seen = 0

    def _counter(self, family, **labels):
        key = (id(family), tuple(sorted(labels.items())))
        if key not in self._metrics:
            self._metrics[key] = family.Metric(labels=dict(labels, model=self.model))
        return self._metrics[key]

    def record(self, result, cached=False, lines=0):
        """Count one worker answer (a dict with rust/diagnostics/confidence, or error) for a
        request of `lines` Python lines."""
        if "error" in result:
            self._counter(self.translations, outcome="error").increment(1)
            return
        if lines:
            self._lines.increment(lines)
        self._counter(self.translations, outcome="fatal" if result.get("fatal") else "ok").increment(1)
        for d in result.get("diagnostics", []):
            self._counter(self.warnings, code=str(d.get("code", "unknown"))).increment(1)
        self._confidence.observe(float(result.get("confidence", 0.0)))
        if cached:
            self._cache_hits.increment(1)

    def error(self):
        self._counter(self.translations, outcome="error").increment(1)

    def worker_restarts(self, total):
        if total > self._restarts_seen:
            self._restarts.increment(total - self._restarts_seen)
            self._restarts_seen = total
