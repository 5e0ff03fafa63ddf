// TritonClient details that a real Triton cannot show: the API-key header, which errors are
// retried, deadlines, TLS and the exact bytes on the wire. A small in-process gRPC double of
// the same proto answers; everything else in test/triton runs against the real tritonserver.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const { root, triton } = require('./helpers');

const fixtures = path.join(__dirname, 'fixtures');

function decodeBytes(buf) {
  const out = [];
  for (let i = 0; i < buf.length;) { const n = buf.readUInt32LE(i); out.push(buf.subarray(i + 4, i + 4 + n).toString('utf8')); i += 4 + n; }
  return out;
}
function encode(values) {
  return Buffer.concat(values.flatMap((v) => { const b = Buffer.from(v, 'utf8'); const l = Buffer.alloc(4); l.writeUInt32LE(b.length); return [l, b]; }));
}

/** Starts the double; `behaviour.infer(call)` returns [grpcError|null, response]. */
async function double(behaviour, secure = false) {
  const def = protoLoader.loadSync(['inference/grpc_service.proto'], { includeDirs: [path.join(root, 'proto')], keepCase: true, longs: String, enums: String, defaults: true, oneofs: true });
  const pkg = grpc.loadPackageDefinition(def);
  const server = new grpc.Server();
  const seen = [];
  server.addService(pkg.inference.GRPCInferenceService.service, {
    ServerReady: (call, cb) => { seen.push({ method: 'ServerReady', metadata: call.metadata.getMap() }); cb(null, { ready: true }); },
    ModelInfer: (call, cb) => {
      seen.push({ method: 'ModelInfer', metadata: call.metadata.getMap(), request: call.request, deadline: call.getDeadline() });
      const [err, res, delayMs] = behaviour(call.request, seen.filter((s) => s.method === 'ModelInfer').length);
      setTimeout(() => cb(err, res), delayMs || 0);
    },
  });
  const creds = secure
    ? grpc.ServerCredentials.createSsl(null, [{ private_key: fs.readFileSync(path.join(fixtures, 'tls-key.pem')), cert_chain: fs.readFileSync(path.join(fixtures, 'tls-cert.pem')) }])
    : grpc.ServerCredentials.createInsecure();
  const port = await new Promise((resolve, reject) => server.bindAsync('127.0.0.1:0', creds, (e, p) => (e ? reject(e) : resolve(p))));
  return { port, seen, stop: () => new Promise((r) => server.tryShutdown(() => r())) };
}

/** A well-formed translation response echoing python_code into rust_code. */
function echo(request) {
  const code = decodeBytes(request.raw_input_contents[0])[0];
  const outs = [['rust_code', 'BYTES', encode([`// ${code}`])], ['confidence_score', 'FP32', (() => { const b = Buffer.alloc(4); b.writeFloatLE(0.75); return b; })()],
    ['metadata', 'BYTES', encode(['{"backend":"triton","items":[]}'])], ['warnings', 'BYTES', encode(['[]'])], ['suggestions', 'BYTES', encode(['[]'])]];
  return { model_name: request.model_name, outputs: outs.map(([name, datatype]) => ({ name, datatype, shape: [1, 1] })), raw_output_contents: outs.map((o) => o[2]) };
}

const unavailable = { code: grpc.status.UNAVAILABLE, details: 'try again' };

describe('TritonClient against a gRPC double (wire details)', () => {
  it('sends BYTES with 4-byte little-endian lengths, sequence parameters and the x-api-key header', async () => {
    const d = await double((req) => [null, echo(req)]);
    const c = new triton.TritonClient({ url: `127.0.0.1:${d.port}`, timeoutMs: 5000, apiKey: 'k-123' });
    try {
      const code = 'print("é → 😀")\n';
      const r = await c.infer('interactive_api', { python_code: code, translation_options: { fragment: true } }, { sequenceId: '281474976710655', start: true });
      assert.strictEqual(r.rust_code, `// ${code}`);
      assert.strictEqual(r.confidence_score, 0.75);
      const { request, metadata } = d.seen[0];
      assert.strictEqual(metadata['x-api-key'], 'k-123');
      assert.deepStrictEqual(request.inputs.map((t) => [t.name, t.datatype, t.shape.map(Number)]), [['python_code', 'BYTES', [1, 1]], ['translation_options', 'BYTES', [1, 1]]]);
      const raw = request.raw_input_contents[0];
      assert.strictEqual(raw.readUInt32LE(0), Buffer.byteLength(code, 'utf8'));
      assert.strictEqual(raw.subarray(4).toString('utf8'), code);
      assert.deepStrictEqual(decodeBytes(request.raw_input_contents[1]), ['{"fragment":true}']);
      assert.strictEqual(request.parameters.sequence_id.int64_param, '281474976710655');
      assert.strictEqual(request.parameters.sequence_start.bool_param, true);
      assert.strictEqual(request.parameters.sequence_end, undefined);
    } finally { c.close(); await d.stop(); }
  });

  it('no API key, no header', async () => {
    const d = await double((req) => [null, echo(req)]);
    const c = new triton.TritonClient({ url: `127.0.0.1:${d.port}` });
    try {
      await c.serverReady();
      assert.strictEqual(d.seen[0].metadata['x-api-key'], undefined);
    } finally { c.close(); await d.stop(); }
  });

  it('retries UNAVAILABLE (2 more attempts), then gives up', async () => {
    const d = await double((req, n) => (n <= 2 ? [unavailable] : [null, echo(req)]));
    const c = new triton.TritonClient({ url: `127.0.0.1:${d.port}`, timeoutMs: 5000 });
    try {
      assert.strictEqual((await c.infer('m', { python_code: 'x' })).rust_code, '// x');
      assert.strictEqual(d.seen.length, 3);
    } finally { c.close(); await d.stop(); }
    const d2 = await double(() => [unavailable]);
    const c2 = new triton.TritonClient({ url: `127.0.0.1:${d2.port}`, timeoutMs: 5000 });
    try {
      const e = await c2.infer('m', { python_code: 'x' }).then(() => null, (x) => x);
      assert.strictEqual(e.code, grpc.status.UNAVAILABLE);
      assert.strictEqual(d2.seen.length, 3);
      assert.ok(triton.transportFailure(e));
    } finally { c2.close(); await d2.stop(); }
  });

  it('does not retry other errors', async () => {
    const d = await double(() => [{ code: grpc.status.INVALID_ARGUMENT, details: 'inference request for sequence 5 to model \'m\' must specify the START flag on the first request of the sequence' }]);
    const c = new triton.TritonClient({ url: `127.0.0.1:${d.port}`, timeoutMs: 5000 });
    try {
      const e = await c.infer('m', { python_code: 'x' }, { sequenceId: 5 }).then(() => null, (x) => x);
      assert.strictEqual(e.code, grpc.status.INVALID_ARGUMENT);
      assert.ok(triton.sequenceLost(e));
      assert.ok(!triton.transportFailure(e));
      assert.strictEqual(d.seen.length, 1);
    } finally { c.close(); await d.stop(); }
  });

  it('every call carries the deadline from timeoutMs and fails with DEADLINE_EXCEEDED past it', async () => {
    const d = await double((req) => [null, echo(req), 2000]);
    const c = new triton.TritonClient({ url: `127.0.0.1:${d.port}`, timeoutMs: 300 });
    try {
      const t0 = Date.now();
      const e = await c.infer('m', { python_code: 'x' }).then(() => null, (x) => x);
      assert.strictEqual(e.code, grpc.status.DEADLINE_EXCEEDED);
      const deadline = d.seen[0].deadline;
      const ms = (deadline instanceof Date ? deadline.getTime() : Number(deadline)) - t0;
      // 300 ms from the call (not the 2 s default), give or take the transfer of the timeout.
      assert.ok(ms > 200 && ms < 2000, `deadline ${ms} ms after the call`);
    } finally { c.close(); await d.stop(); }
  });

  it('speaks TLS to grpcs:// with a given CA', async () => {
    const d = await double((req) => [null, echo(req)], true);
    const ca = fs.readFileSync(path.join(fixtures, 'tls-cert.pem'), 'utf8');
    const c = new triton.TritonClient({ url: `grpcs://localhost:${d.port}`, timeoutMs: 5000, tls: { ca } });
    const plain = new triton.TritonClient({ url: `localhost:${d.port}`, timeoutMs: 2000, retries: 0 });
    try {
      assert.strictEqual(await c.serverReady(), true);
      assert.strictEqual((await c.infer('m', { python_code: 'tls' })).rust_code, '// tls');
      await assert.rejects(plain.serverReady(), (e) => e instanceof triton.TritonError);
    } finally { c.close(); plain.close(); await d.stop(); }
  });
});
