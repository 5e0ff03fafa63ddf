// Static validation of deploy/ with the real tool for each format: docker-compose, promtool,
// kustomize + kubernetes-models schemas, yamllint, bash -n and shellcheck.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const yaml = require('js-yaml');
const { root, deploy, tools, run, tmpDir, metricNames, substituteGrafana, family } = require('./helpers');

const monitoring = path.join(deploy, 'monitoring');
const read = (p) => fs.readFileSync(path.join(deploy, p), 'utf8');
const exported = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'exported-metrics.json'), 'utf8'));
// Our custom metrics: the families model_repository/**.py registers with pb_utils.MetricFamily
// (the integration test checks that a live server really exports them).
function registeredFamilies(dir = path.join(root, 'model_repository')) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return registeredFamilies(p);
    if (!e.name.endsWith('.py')) return [];
    return [...fs.readFileSync(p, 'utf8').matchAll(/MetricFamily\(\s*name\s*=\s*["']([A-Za-z_:][\w:]*)["']/g)].map((m) => m[1]);
  });
}
const knownMetrics = new Set([...exported.live, ...exported.gpuOnly, ...exported.prometheus, ...registeredFamilies()]);

/** Wraps PromQL expressions in a rule file and runs `promtool check rules` on it. */
function promtoolAccepts(exprs) {
  const dir = tmpDir('portalis-promql-');
  const rules = { groups: [{ name: 'exprs', rules: exprs.map((expr, i) => ({ record: `portalis:check_${i}`, expr })) }] };
  fs.writeFileSync(path.join(dir, 'exprs.yml'), yaml.dump(rules));
  const r = run(tools().promtool, ['check', 'rules', path.join(dir, 'exprs.yml')]);
  fs.rmSync(dir, { recursive: true, force: true });
  return r;
}

before(function () { tools(); });

describe('docker-compose.yaml', () => {
  const compose = (env) => run(tools().dockerCompose, ['-f', path.join(deploy, 'docker-compose.yaml'), 'config', ...(env.quiet ? ['-q'] : [])], { env: { ...process.env, ...env.vars } });

  it('is valid for docker-compose config -q', () => {
    const r = compose({ quiet: true, vars: { GRAFANA_ADMIN_PASSWORD: 'test-only' } });
    assert.strictEqual(r.status, 0, r.out);
  });

  it('refuses to run without GRAFANA_ADMIN_PASSWORD (no default password in the file)', () => {
    const env = { ...process.env };
    delete env.GRAFANA_ADMIN_PASSWORD;
    const r = run(tools().dockerCompose, ['-f', path.join(deploy, 'docker-compose.yaml'), 'config', '-q'], { env });
    assert.notStrictEqual(r.status, 0);
    assert.match(r.out, /GRAFANA_ADMIN_PASSWORD/);
  });

  it('has the five services on one network, health checks, and publishes only what is needed', () => {
    const r = compose({ vars: { GRAFANA_ADMIN_PASSWORD: 'test-only' } });
    assert.strictEqual(r.status, 0, r.out);
    const c = yaml.load(r.stdout);
    assert.deepStrictEqual(Object.keys(c.services).sort(), ['dcgm-exporter', 'grafana', 'node-exporter', 'prometheus', 'triton']);
    assert.deepStrictEqual(Object.keys(c.networks), ['portalis']);
    for (const [name, s] of Object.entries(c.services)) {
      assert.deepStrictEqual(Object.keys(s.networks), ['portalis'], `${name} networks`);
      assert.ok(s.healthcheck && s.healthcheck.test, `${name} has a health check`);
    }
    // docker-compose 1.29 prints ports as "host_ip:published:target/proto".
    const ports = (s) => (s.ports || []).map((p) => { const [ip, published] = String(p).split(':'); return { ip, published }; });
    assert.deepStrictEqual(ports(c.services.triton).map((p) => p.published).sort(), ['8000', '8001', '8002']);
    assert.deepStrictEqual(ports(c.services['dcgm-exporter']), []);
    assert.deepStrictEqual(ports(c.services['node-exporter']), []);
    for (const s of ['triton', 'prometheus', 'grafana']) for (const p of ports(c.services[s])) assert.strictEqual(p.ip, '127.0.0.1', `${s} binds to loopback by default`);
    const gpu = c.services.triton.deploy.resources.reservations.devices[0];
    assert.deepStrictEqual([gpu.driver, gpu.capabilities], ['nvidia', ['gpu']]);
    assert.ok(c.services.triton.shm_size, 'triton sets shm_size');
    // Prometheus must not wait for a healthy Triton (it has to see Triton down).
    assert.strictEqual(c.services.prometheus.depends_on.triton.condition, 'service_started');
    assert.strictEqual(c.services.grafana.depends_on.prometheus.condition, 'service_healthy');
    assert.ok(c.services.triton.command.includes('--model-config-name=gpu'));
  });
});

describe('Prometheus configuration and alert rules', () => {
  it('promtool check config accepts prometheus.yml', () => {
    const r = run(tools().promtool, ['check', 'config', path.join(monitoring, 'prometheus.yml')]);
    assert.strictEqual(r.status, 0, r.out);
  });

  it('promtool check config accepts prometheus-k8s.yml (pod discovery swapped for static targets)', () => {
    // Debian's Prometheus is built without kubernetes_sd; every other part (relabelling, rule
    // files, jobs) is still checked by promtool on a copy with static targets.
    const cfg = yaml.load(read('monitoring/prometheus-k8s.yml'));
    for (const job of cfg.scrape_configs) {
      assert.ok(job.kubernetes_sd_configs, `${job.job_name} discovers pods/nodes`);
      delete job.kubernetes_sd_configs;
      job.static_configs = [{ targets: ['127.0.0.1:1'] }];
    }
    const dir = tmpDir('portalis-k8s-prom-');
    fs.writeFileSync(path.join(dir, 'prometheus.yml'), yaml.dump(cfg));
    const r = run(tools().promtool, ['check', 'config', path.join(dir, 'prometheus.yml')]);
    fs.rmSync(dir, { recursive: true, force: true });
    assert.strictEqual(r.status, 0, r.out);
  });

  it('promtool check rules accepts the alert rules, and every required alert exists', () => {
    const r = run(tools().promtool, ['check', 'rules', path.join(monitoring, 'rules', 'portalis-alerts.yml')]);
    assert.strictEqual(r.status, 0, r.out);
    const names = yaml.load(read('monitoring/rules/portalis-alerts.yml')).groups.flatMap((g) => g.rules.map((x) => x.alert));
    assert.deepStrictEqual(names.sort(), ['PortalisEngineWorkerRestarts', 'PortalisGpuIdleWithTraffic', 'PortalisGpuMemoryHigh', 'PortalisGpuTemperatureHigh',
      'PortalisHighErrorRate', 'PortalisP95LatencyHigh', 'PortalisQueueBacklog', 'PortalisTritonDown']);
  });

  it('promtool test rules passes, with a firing and a silent case for every alert', () => {
    const r = run(tools().promtool, ['test', 'rules', 'tests/alerts.test.yml'], { cwd: monitoring });
    assert.strictEqual(r.status, 0, r.out);
    const tests = yaml.load(read('monitoring/tests/alerts.test.yml')).tests.flatMap((t) => t.alert_rule_test);
    const alerts = yaml.load(read('monitoring/rules/portalis-alerts.yml')).groups[0].rules.map((x) => x.alert);
    for (const a of alerts) {
      const cases = tests.filter((t) => t.alertname === a);
      assert.ok(cases.some((t) => t.exp_alerts.length > 0), `${a} has a firing case`);
      assert.ok(cases.some((t) => t.exp_alerts.length === 0), `${a} has a silent case`);
    }
  });

  it('the rule tests catch a broken threshold in each alert', () => {
    // Proves the unit tests bite: move each threshold and the suite must fail.
    const rules = read('monitoring/rules/portalis-alerts.yml');
    const mutations = [['> 0.05', '> 0.5'], ['> 0.90', '> 0.99'], ['> 100000', '> 1000000'], ['> 20', '> 40'],
      ['> 85', '> 95'], ['== 0', '== 2'], ['< 0.10', '< 0.01'], ['> 3', '> 6']];
    const dir = tmpDir('portalis-mutants-');
    fs.mkdirSync(path.join(dir, 'rules'));
    fs.mkdirSync(path.join(dir, 'tests'));
    fs.copyFileSync(path.join(monitoring, 'tests', 'alerts.test.yml'), path.join(dir, 'tests', 'alerts.test.yml'));
    try {
      for (const [from, to] of mutations) {
        assert.strictEqual(rules.split(from).length, 2, `threshold "${from}" appears once`);
        fs.writeFileSync(path.join(dir, 'rules', 'portalis-alerts.yml'), rules.replace(from, to));
        const r = run(tools().promtool, ['test', 'rules', 'tests/alerts.test.yml'], { cwd: dir });
        assert.notStrictEqual(r.status, 0, `tests still pass with "${from}" changed to "${to}"`);
      }
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  });

  it('every metric the alert rules name is exported by Triton, the GPU exporters or Prometheus', () => {
    const rules = yaml.load(read('monitoring/rules/portalis-alerts.yml')).groups.flatMap((g) => g.rules);
    for (const r of rules) {
      for (const m of metricNames(r.expr)) assert.ok(family(m, knownMetrics), `${r.alert}: unknown metric ${m}`);
    }
  });
});

describe('Grafana', () => {
  const dashboard = JSON.parse(read('monitoring/grafana/dashboards/portalis-triton.json'));
  const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => ({ panel: p.title, expr: t.expr })));

  it('the committed dashboard is the generator\'s output', () => {
    const r = run(process.execPath, [path.join(monitoring, 'grafana', 'build-dashboard.js'), '--check']);
    assert.strictEqual(r.status, 0, r.out);
  });

  it('has at least 12 panels covering the required views, and model/pod variables', () => {
    assert.ok(dashboard.panels.length >= 12, `${dashboard.panels.length} panels`);
    const titles = dashboard.panels.map((p) => p.title.toLowerCase()).join('\n');
    for (const word of ['request rate', 'p95', 'queue', 'gpu utilisation', 'gpu memory', 'gpu temperature', 'success rate',
      'active', 'batch size', 'translations per second', 'python lines/s', 'cache hit', 'errors by reason', 'warnings by code', 'confidence']) {
      assert.ok(titles.includes(word), `a panel about "${word}"`);
    }
    const vars = dashboard.templating.list.map((v) => v.name);
    for (const v of ['model', 'pod']) assert.ok(vars.includes(v), `variable ${v}`);
    const ids = dashboard.panels.map((p) => p.id);
    assert.strictEqual(new Set(ids).size, ids.length, 'panel ids are unique');
    for (const p of dashboard.panels) assert.ok(p.targets.length > 0 && p.gridPos, `${p.title} has queries and a position`);
  });

  it('every panel and variable query is PromQL that promtool accepts (Grafana variables substituted)', () => {
    const all = exprs.map((e) => substituteGrafana(e.expr));
    const r = promtoolAccepts(all);
    assert.strictEqual(r.status, 0, r.out);
    // label_values(metric{...}, label): the selector inside must be valid PromQL too.
    const selectors = dashboard.templating.list.filter((v) => v.type === 'query')
      .map((v) => substituteGrafana(v.definition.match(/^label_values\((.*),\s*\w+\)$/)[1]));
    const s = promtoolAccepts(selectors);
    assert.strictEqual(s.status, 0, s.out);
  });

  it('a malformed query is rejected by the same check (the check can fail)', () => {
    assert.notStrictEqual(promtoolAccepts(['sum by (model (rate(x[5m]))']).status, 0);
  });

  it('every metric the dashboard names is exported by Triton, our models or the GPU exporters', () => {
    const unknown = [];
    for (const { panel, expr } of exprs) {
      for (const m of metricNames(expr)) if (!family(m, knownMetrics)) unknown.push(`${panel}: ${m}`);
    }
    assert.deepStrictEqual(unknown, [], `metrics neither in test/deploy/fixtures/exported-metrics.json (${exported.capturedFrom}) nor registered by model_repository`);
  });

  it('provisioning files point at the dashboards folder and a Prometheus data source with a fixed uid', () => {
    const ds = yaml.load(read('monitoring/grafana/provisioning/datasources/prometheus.yaml')).datasources[0];
    assert.deepStrictEqual([ds.type, ds.uid, ds.url], ['prometheus', 'prometheus', 'http://prometheus:9090']);
    const prov = yaml.load(read('monitoring/grafana/provisioning/dashboards/portalis.yaml')).providers[0];
    assert.strictEqual(prov.options.path, '/var/lib/grafana/dashboards');
    const mount = yaml.load(read('docker-compose.yaml')).services.grafana.volumes;
    assert.ok(mount.includes('./monitoring/grafana/dashboards:/var/lib/grafana/dashboards:ro'));
  });
});

describe('Kubernetes manifests (kustomize + kubernetes-models schemas)', () => {
  const build = (overlay) => {
    const r = run(tools().kustomize, ['build', path.join(deploy, 'k8s', 'overlays', overlay)]);
    assert.strictEqual(r.status, 0, r.out);
    return yaml.loadAll(r.stdout).filter(Boolean);
  };
  // apiVersion → kubernetes-models module path.
  const modulePath = (apiVersion) => `kubernetes-models/${apiVersion.includes('/') ? apiVersion : `v1`}`;

  async function validateAll(objects) {
    for (const o of objects) {
      const mod = await import(modulePath(o.apiVersion));
      const Model = mod[o.kind];
      assert.ok(Model, `kubernetes-models knows ${o.apiVersion} ${o.kind}`);
      new Model(o).validate(); // throws with the schema path on an invalid object
    }
  }

  // The JSON schemas accept unknown fields; TypeScript's excess-property check on the
  // kubernetes-models interfaces catches a misspelt or misplaced field.
  function typecheckAll(objects) {
    const dir = tmpDir('portalis-k8s-types-');
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
    const lines = objects.map((o, i) => {
      const mod = `${modulePath(o.apiVersion)}/${o.kind}`;
      return `import type { I${o.kind} as T${i} } from '${mod}';\nexport const o${i}: T${i} = ${JSON.stringify(o)};`;
    });
    fs.writeFileSync(path.join(dir, 'manifests.ts'), lines.join('\n') + '\n');
    const r = run(path.join(root, 'node_modules', '.bin', 'tsc'), ['--noEmit', '--strict', '--module', 'nodenext',
      '--moduleResolution', 'nodenext', '--skipLibCheck', '--types', 'node', 'manifests.ts'], { cwd: dir });
    fs.rmSync(dir, { recursive: true, force: true });
    return r;
  }

  for (const overlay of ['local', 'gpu']) {
    describe(`overlay ${overlay}`, () => {
      let objects;
      before(() => { objects = build(overlay); });
      const one = (kind) => objects.find((o) => o.kind === kind);

      it('builds and every object validates against its Kubernetes schema', async () => {
        const kinds = objects.map((o) => o.kind).sort();
        assert.deepStrictEqual(kinds, ['ConfigMap', 'ConfigMap', 'Deployment', 'HorizontalPodAutoscaler', 'Ingress',
          'Namespace', 'NetworkPolicy', 'PodDisruptionBudget', 'Service', 'ServiceAccount']);
        await validateAll(objects);
      });

      it('has no unknown fields (TypeScript excess-property check against kubernetes-models types)', () => {
        const r = typecheckAll(objects);
        assert.strictEqual(r.status, 0, r.out);
      });

      it('runs non-root with a read-only root, no capabilities, seccomp and no service-account token', () => {
        const pod = one('Deployment').spec.template.spec;
        assert.strictEqual(pod.automountServiceAccountToken, false);
        assert.strictEqual(one('ServiceAccount').automountServiceAccountToken, false);
        assert.strictEqual(pod.securityContext.runAsNonRoot, true);
        assert.strictEqual(pod.securityContext.seccompProfile.type, 'RuntimeDefault');
        const c = pod.containers[0];
        assert.deepStrictEqual(c.securityContext.capabilities.drop, ['ALL']);
        assert.strictEqual(c.securityContext.readOnlyRootFilesystem, true);
        assert.strictEqual(c.securityContext.allowPrivilegeEscalation, false);
        assert.ok(!objects.some((o) => o.kind === 'Secret'), 'no Secret in the manifests');
        assert.ok(!objects.some((o) => /Role/.test(o.kind)), 'no RBAC grants');
      });

      it('probes Triton\'s health endpoints and exposes gRPC, HTTP and metrics', () => {
        const c = one('Deployment').spec.template.spec.containers[0];
        assert.strictEqual(c.readinessProbe.httpGet.path, '/v2/health/ready');
        assert.strictEqual(c.livenessProbe.httpGet.path, '/v2/health/live');
        assert.ok(c.startupProbe.httpGet.path.startsWith('/v2/health/'));
        assert.deepStrictEqual(one('Service').spec.ports.map((p) => p.port), [8000, 8001, 8002]);
      });

      it('GPU resources and the GPU model configs only in the gpu overlay', () => {
        const c = one('Deployment').spec.template.spec.containers[0];
        const gpu = c.resources.limits['nvidia.com/gpu'];
        const configName = c.args.find((a) => a.startsWith('--model-config-name='));
        if (overlay === 'gpu') {
          assert.strictEqual(gpu, 1);
          assert.strictEqual(configName, '--model-config-name=gpu');
        } else {
          assert.strictEqual(gpu, undefined);
          assert.strictEqual(configName, undefined);
        }
      });

      it('HPA scales on CPU and on the adapter\'s queue metric, whose rule serves it', () => {
        const hpa = one('HorizontalPodAutoscaler');
        const types = hpa.spec.metrics.map((m) => m.type);
        assert.deepStrictEqual(types, ['Resource', 'Pods']);
        const adapterCm = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'prometheus-adapter-portalis');
        const rules = yaml.load(adapterCm.data['config.yaml']).rules;
        assert.ok(rules.some((r) => r.name.as === hpa.spec.metrics[1].pods.metric.name), 'adapter exposes the HPA metric');
      });

      it('Ingress: TLS, gRPC backend, rate limits and API-key auth; NetworkPolicy admits only ingress and Prometheus', () => {
        const ing = one('Ingress');
        const a = ing.metadata.annotations;
        assert.ok(ing.spec.tls[0].secretName);
        assert.strictEqual(a['nginx.ingress.kubernetes.io/backend-protocol'], 'GRPC');
        assert.ok(Number(a['nginx.ingress.kubernetes.io/limit-rps']) > 0);
        assert.ok(a['nginx.ingress.kubernetes.io/auth-url']);
        const args = one('Deployment').spec.template.spec.containers[0].args.join(' ');
        assert.match(args, /--http-restricted-api=[a-z,-]*model-config[a-z,-]*:\$\(PORTALIS_API_KEY_HEADER\)=\$\(PORTALIS_API_KEY\)/);
        assert.ok(a['nginx.ingress.kubernetes.io/auth-url'].endsWith(':8000/v2/models/translation_model/config'), 'auth-url is the key-restricted endpoint');
        const np = one('NetworkPolicy');
        const from = np.spec.ingress.map((r) => r.from[0].namespaceSelector.matchLabels['kubernetes.io/metadata.name']);
        assert.deepStrictEqual(from, ['ingress-nginx', 'monitoring']);
        assert.deepStrictEqual(np.spec.ingress[1].ports.map((p) => p.port), [8002]);
      });
    });
  }

  it('the adapter\'s metricsQuery is valid PromQL once its template is filled', () => {
    const rules = yaml.load(read('k8s/prometheus-adapter/config.yaml')).rules;
    const exprs = rules.map((r) => r.metricsQuery.replace(/<<\.LabelMatchers>>/g, 'namespace="portalis",pod=~"a|b"').replace(/<<\.GroupBy>>/g, 'pod'));
    const r = promtoolAccepts(exprs);
    assert.strictEqual(r.status, 0, r.out);
    for (const e of exprs) for (const m of metricNames(e)) assert.ok(family(m, knownMetrics), `unknown metric ${m}`);
  });

  it('a schema violation and a misspelt field are caught by the same checks (they can fail)', async () => {
    const objects = build('local');
    const dep = objects.find((o) => o.kind === 'Deployment');
    dep.spec.replicas = 'two';
    await assert.rejects(validateAll([dep]));
    const typo = build('local').find((o) => o.kind === 'Deployment');
    typo.spec.template.spec.containers[0].readinesProbe = typo.spec.template.spec.containers[0].readinessProbe;
    const r = typecheckAll([typo]);
    assert.notStrictEqual(r.status, 0);
    assert.match(r.out, /readinesProbe/);
  });
});

/** Docker's .dockerignore rule: the last pattern matching the path or one of its parents wins. */
function dockerignore(text) {
  const patterns = text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map((l) => {
    const negate = l.startsWith('!');
    const glob = negate ? l.slice(1) : l;
    const re = glob.split('**').map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')).join('.*');
    return { negate, re: new RegExp(`^${re}$`) };
  });
  return (file) => {
    const prefixes = file.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'));
    let excluded = false;
    for (const p of patterns) if (prefixes.some((x) => p.re.test(x))) excluded = !p.negate;
    return !excluded;
  };
}

describe('Dockerfile', () => {
  const text = read('Dockerfile');
  const lines = text.split('\n').filter((l) => !l.startsWith('#'));

  it('builds on Triton 24.10 (2.51), runs as a non-root user with a readiness health check', () => {
    assert.match(text, /^ARG TRITON_IMAGE=nvcr\.io\/nvidia\/tritonserver:24\.10-py3$/m);
    const user = lines.filter((l) => /^USER /.test(l)).pop();
    assert.ok(user && !/^USER (root|0)\b/.test(user), `last USER is not root: ${user}`);
    assert.match(text, /^HEALTHCHECK .*healthcheck\.js/m);
    assert.match(read('docker/healthcheck.js'), /\/v2\/health\/ready/);
    assert.ok((text.match(/^FROM /gm) || []).length >= 3, 'multi-stage');
  });

  it('every COPY source from the build context exists and is let through the .dockerignore', () => {
    const sent = dockerignore(read('Dockerfile.dockerignore'));
    assert.ok(!sent('node_modules/esbuild/package.json') && !sent('.git/HEAD'), 'node_modules and .git stay out');
    for (const l of lines.filter((x) => /^COPY (?!--from)/.test(x))) {
      const srcs = l.replace(/^COPY\s+(--\S+\s+)*/, '').split(/\s+/).slice(0, -1);
      for (const s of srcs) {
        assert.ok(fs.existsSync(path.join(root, s)), `COPY source ${s} exists`);
        // Every file under the source is sent, except caches and tests that stay out on purpose.
        const files = fs.statSync(path.join(root, s)).isDirectory()
          ? fs.readdirSync(path.join(root, s), { recursive: true }).map((f) => `${s}/${f}`).filter((f) => fs.statSync(path.join(root, f)).isFile())
          : [s];
        const wanted = files.filter((f) => !/__pycache__|\.pyc$|\.test\./.test(f));
        assert.ok(wanted.length > 0, `${s} has files`);
        for (const f of wanted) assert.ok(sent(f), `${f} is sent in the build context`);
      }
    }
  });

  it('bakes no secrets into the image', () => {
    assert.doesNotMatch(text, /^(ENV|ARG)\s+\S*(KEY|TOKEN|PASSWORD|SECRET)/im);
  });
});

describe('model repository, as the image serves it', () => {
  it('every model has the GPU config that --model-config-name=gpu selects, with GPU instances', () => {
    const repo = path.join(root, 'model_repository');
    const models = fs.readdirSync(repo).filter((m) => fs.existsSync(path.join(repo, m, 'config.pbtxt')));
    assert.ok(models.length >= 3, `models: ${models}`);
    for (const m of models) {
      const gpu = path.join(repo, m, 'configs', 'gpu.pbtxt');
      assert.ok(fs.existsSync(gpu), `${m}/configs/gpu.pbtxt`);
      assert.match(fs.readFileSync(gpu, 'utf8'), /instance_group[\s\S]*kind:\s*KIND_GPU/, `${m} GPU config asks for KIND_GPU`);
    }
  });
});

describe('YAML and shell lint', () => {
  it('yamllint passes on every YAML file in deploy/', () => {
    const r = run(tools().yamllint, ['-c', path.join(deploy, '.yamllint'), '--strict', deploy]);
    assert.strictEqual(r.status, 0, r.out);
  });

  const scripts = fs.existsSync(path.join(deploy, 'scripts')) ? fs.readdirSync(path.join(deploy, 'scripts')).filter((f) => f.endsWith('.sh')) : [];
  it('deploy/scripts has deploy.sh and health-check.sh', () => {
    assert.deepStrictEqual(scripts.sort(), ['deploy.sh', 'health-check.sh']);
  });
  for (const s of scripts) {
    it(`${s}: bash -n and shellcheck`, () => {
      const file = path.join(deploy, 'scripts', s);
      const syntax = run('bash', ['-n', file]);
      assert.strictEqual(syntax.status, 0, syntax.out);
      const lint = run(tools().shellcheck, ['-x', '-S', 'style', file]);
      assert.strictEqual(lint.status, 0, lint.out);
    });
  }
});
