/**
 * TritonClient: a small KServe v2 gRPC client for the Portalis Triton models.
 *
 *   import { TritonClient } from './client';          // or require('dist/triton.js')
 *   const c = new TritonClient({ url: 'localhost:8001', timeoutMs: 2000, apiKey?, tls? });
 *   await c.serverReady();                  // boolean
 *   await c.modelReady('interactive_api');  // boolean
 *   const r = await c.infer('interactive_api',
 *     { python_code: 'area(2, 3)', translation_options: { fragment: true } },
 *     { sequenceId: '123', start: true });  // sequence fields only for interactive_api
 *   // r = { rust_code, confidence_score, metadata, warnings, suggestions }
 *   for await (const part of c.inferStream('interactive_stream', { python_code })) { ... }
 *   const b = await c.inferFiles('batch_processor', [{ name: 'a.py', code }], { check: true });
 *   const text = await c.metrics();         // Prometheus text of the metrics port (metricsUrl)
 *   c.close();
 *
 * - One gRPC channel per client, shared by the inference and health services.
 * - Every call has a deadline of timeoutMs; UNAVAILABLE (and only that) is retried with
 *   exponential backoff while the deadline allows.
 * - url: 'host:port', or with a scheme: grpc:// (plain) or grpcs:// (TLS). tls: true or
 *   {ca, cert, key} (PEM strings) also turns TLS on.
 * - apiKey is sent as the `x-api-key` metadata header on every call (for an ingress/gateway;
 *   Triton itself ignores it).
 * - Errors are TritonError (gRPC code + Triton's message). sequenceLost(e) tells when a
 *   sequence must be restarted with START (idle reaping, server or model restart).
 * - The .proto files are read at run time from proto/ next to dist/ (PORTALIS_PROTO_DIR
 *   overrides): ship proto/ with the bundle.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import * as path from 'path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

export interface TritonClientOptions {
  url: string;
  timeoutMs?: number;
  apiKey?: string;
  tls?: boolean | { ca?: string; cert?: string; key?: string };
  /** Extra attempts on UNAVAILABLE (default 2). */
  retries?: number;
  /** Prometheus endpoint for metrics() (default http://<grpc host>:8002/metrics). */
  metricsUrl?: string;
}

export interface TranslationInput {
  python_code: string;
  /** JSON object (or its text): fragment, filename, context, verify. */
  translation_options?: Record<string, unknown> | string;
}

export interface SequenceOptions {
  /** Positive integer (decimal string, number or bigint); the models' CORRID is UINT64. */
  sequenceId?: string | number | bigint;
  start?: boolean;
  end?: boolean;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface TranslationOutput {
  rust_code: string;
  confidence_score: number;
  metadata: any;
  warnings: any[];
  suggestions: any[];
}

export class TritonError extends Error {
  constructor(readonly code: grpc.status, readonly details: string) {
    super(`${grpc.status[code] ?? code}: ${details}`);
    this.name = 'TritonError';
  }
}

/** Triton no longer knows the sequence (reaped when idle, server or model restarted). */
export function sequenceLost(e: unknown): boolean {
  return e instanceof TritonError && /START flag|not known to/i.test(e.details);
}

/** The server could not be reached or did not answer in time (not a per-request error). */
export function transportFailure(e: unknown): boolean {
  return e instanceof TritonError && [grpc.status.UNAVAILABLE, grpc.status.DEADLINE_EXCEEDED].includes(e.code);
}

let loaded: any;
export function protoDir(): string {
  const candidates = [
    process.env.PORTALIS_PROTO_DIR,
    path.join(__dirname, '..', 'proto'), // bundled: dist/*.js
    path.join(__dirname, '..', '..', '..', '..', 'proto'), // sources: server/src/backends/triton
  ];
  const dir = candidates.find((d) => d && fs.existsSync(path.join(d, 'inference', 'grpc_service.proto')));
  if (!dir) throw new Error(`KServe proto files not found (looked in ${candidates.filter(Boolean).join(', ')}); set PORTALIS_PROTO_DIR`);
  return dir;
}

function services(): any {
  if (!loaded) {
    const def = protoLoader.loadSync(['inference/grpc_service.proto', 'grpc/health/v1/health.proto'], {
      includeDirs: [protoDir()], keepCase: true, longs: String, enums: String, defaults: true, oneofs: true,
    });
    loaded = grpc.loadPackageDefinition(def);
  }
  return loaded;
}

function encodeBytes(values: string[]): Buffer {
  const parts: Buffer[] = [];
  for (const v of values) {
    const b = Buffer.from(v, 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32LE(b.length, 0);
    parts.push(len, b);
  }
  return Buffer.concat(parts);
}

function decodeBytes(buf: Buffer): string[] {
  const out: string[] = [];
  for (let i = 0; i + 4 <= buf.length;) {
    const n = buf.readUInt32LE(i);
    out.push(buf.subarray(i + 4, i + 4 + n).toString('utf8'));
    i += 4 + n;
  }
  return out;
}

function decodeOutputs(res: any): Record<string, { datatype: string; values: (string | number)[] }> {
  const out: Record<string, { datatype: string; values: (string | number)[] }> = {};
  res.outputs.forEach((o: any, i: number) => {
    const raw: Buffer = res.raw_output_contents[i] ?? Buffer.alloc(0);
    let values: (string | number)[];
    if (o.datatype === 'BYTES') values = decodeBytes(raw);
    else if (o.datatype === 'FP32') values = Array.from({ length: raw.length / 4 }, (_, k) => raw.readFloatLE(k * 4));
    else throw new TritonError(grpc.status.INTERNAL, `unexpected output datatype ${o.datatype} for ${o.name}`);
    out[o.name] = { datatype: o.datatype, values };
  });
  return out;
}

function json(text: string | number | undefined, fallback: any): any {
  try { return typeof text === 'string' ? JSON.parse(text) : fallback; } catch { return fallback; }
}

function row(outs: ReturnType<typeof decodeOutputs>, i: number): TranslationOutput {
  const need = ['rust_code', 'confidence_score', 'metadata', 'warnings', 'suggestions'];
  const missing = need.filter((n) => !outs[n]);
  if (missing.length) throw new TritonError(grpc.status.INTERNAL, `response lacks ${missing.join(', ')}`);
  return {
    rust_code: String(outs.rust_code.values[i]),
    confidence_score: Number(outs.confidence_score.values[i]),
    metadata: json(outs.metadata.values[Math.min(i, outs.metadata.values.length - 1)], {}),
    warnings: json(outs.warnings.values[i], []),
    suggestions: json(outs.suggestions.values[i], []),
  };
}

function parseUrl(url: string): { address: string; tls: boolean } {
  const m = /^(grpcs?|https?):\/\/(.*)$/.exec(url.trim());
  const address = (m ? m[2] : url.trim()).replace(/\/+$/, '');
  return { address, tls: !!m && (m[1] === 'grpcs' || m[1] === 'https') };
}

export class TritonClient {
  readonly address: string;
  readonly timeoutMs: number;
  readonly metricsUrl: string;
  private readonly retries: number;
  private readonly inference: any;
  private readonly health: any;
  private readonly metadata: grpc.Metadata;

  constructor(opts: TritonClientOptions) {
    const { address, tls } = parseUrl(opts.url);
    if (!address) throw new Error('Triton url is empty');
    this.address = address;
    this.timeoutMs = opts.timeoutMs ?? 2000;
    this.metricsUrl = opts.metricsUrl ?? `http://${address.replace(/:\d+$/, '')}:8002/metrics`;
    this.retries = opts.retries ?? 2;
    const t = opts.tls;
    const creds = t || tls
      ? grpc.credentials.createSsl(
        typeof t === 'object' && t.ca ? Buffer.from(t.ca) : null,
        typeof t === 'object' && t.key ? Buffer.from(t.key) : null,
        typeof t === 'object' && t.cert ? Buffer.from(t.cert) : null)
      : grpc.credentials.createInsecure();
    const s = services();
    const channelOptions = { 'grpc.max_receive_message_length': 64 << 20, 'grpc.max_send_message_length': 64 << 20 };
    this.inference = new s.inference.GRPCInferenceService(address, creds, channelOptions);
    this.health = new s.grpc.health.v1.Health(address, creds, { channelOverride: this.inference.getChannel() });
    this.metadata = new grpc.Metadata();
    if (opts.apiKey) this.metadata.set('x-api-key', opts.apiKey);
  }

  /** One unary call with deadline, abort and retries on UNAVAILABLE. */
  private async call(client: any, method: string, request: any, o: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<any> {
    const deadline = Date.now() + (o.timeoutMs ?? this.timeoutMs);
    for (let attempt = 0; ; attempt++) {
      try {
        return await new Promise((resolve, reject) => {
          if (o.signal?.aborted) return reject(new TritonError(grpc.status.CANCELLED, 'cancelled'));
          const call = client[method](request, this.metadata, { deadline }, (err: grpc.ServiceError | null, res: any) => {
            o.signal?.removeEventListener('abort', onAbort);
            if (err) reject(new TritonError(err.code, err.details || err.message));
            else resolve(res);
          });
          const onAbort = () => call.cancel();
          o.signal?.addEventListener('abort', onAbort, { once: true });
        });
      } catch (e) {
        const backoff = 50 * 2 ** attempt;
        const retry = e instanceof TritonError && e.code === grpc.status.UNAVAILABLE && attempt < this.retries && Date.now() + backoff < deadline;
        if (!retry) throw e;
        await new Promise((r) => setTimeout(r, backoff));
      }
    }
  }

  async serverLive(timeoutMs?: number): Promise<boolean> {
    return (await this.call(this.inference, 'ServerLive', {}, { timeoutMs })).live === true;
  }

  async serverReady(timeoutMs?: number): Promise<boolean> {
    return (await this.call(this.inference, 'ServerReady', {}, { timeoutMs })).ready === true;
  }

  async modelReady(name: string, timeoutMs?: number): Promise<boolean> {
    return (await this.call(this.inference, 'ModelReady', { name, version: '' }, { timeoutMs })).ready === true;
  }

  async serverMetadata(): Promise<{ name: string; version: string; extensions: string[] }> {
    return this.call(this.inference, 'ServerMetadata', {});
  }

  async modelMetadata(name: string): Promise<{ name: string; versions: string[]; platform: string; inputs: any[]; outputs: any[] }> {
    return this.call(this.inference, 'ModelMetadata', { name, version: '' });
  }

  /** grpc.health.v1 Check: 'SERVING' | 'NOT_SERVING' | 'UNKNOWN' | 'SERVICE_UNKNOWN'. */
  async healthCheck(service = ''): Promise<string> {
    return (await this.call(this.health, 'Check', { service })).status;
  }

  private request(model: string, inputs: { name: string; shape: number[]; values: string[] }[], seq: SequenceOptions = {}) {
    const parameters: Record<string, any> = {};
    if (seq.sequenceId !== undefined) {
      const id = String(seq.sequenceId);
      if (!/^[1-9]\d*$/.test(id)) throw new Error(`sequenceId must be a positive integer, got ${id}`);
      parameters.sequence_id = { int64_param: id };
      if (seq.start) parameters.sequence_start = { bool_param: true };
      if (seq.end) parameters.sequence_end = { bool_param: true };
    }
    return {
      model_name: model,
      parameters,
      inputs: inputs.map((t) => ({ name: t.name, datatype: 'BYTES', shape: t.shape })),
      raw_input_contents: inputs.map((t) => encodeBytes(t.values)),
    };
  }

  private static inputsOf(input: TranslationInput, shape: number[]) {
    const inputs = [{ name: 'python_code', shape, values: [input.python_code] }];
    const o = input.translation_options;
    if (o !== undefined) inputs.push({ name: 'translation_options', shape, values: [typeof o === 'string' ? o : JSON.stringify(o)] });
    return inputs;
  }

  /** One translation through a non-decoupled model (interactive_api, translation_model). */
  async infer(model: string, input: TranslationInput, seq: SequenceOptions = {}): Promise<TranslationOutput> {
    const req = this.request(model, TritonClient.inputsOf(input, [1, 1]), seq);
    const res = await this.call(this.inference, 'ModelInfer', req, seq);
    return row(decodeOutputs(res), 0);
  }

  /** Several files in one request (batch_processor): per-file outputs plus one metadata. */
  async inferFiles(model: string, files: { name: string; code: string }[], options: Record<string, unknown> = {}, timeoutMs?: number):
    Promise<{ files: Omit<TranslationOutput, 'metadata'>[]; metadata: any }> {
    const req = this.request(model, [
      { name: 'python_code', shape: [files.length], values: files.map((f) => f.code) },
      { name: 'translation_options', shape: [1], values: [JSON.stringify({ ...options, files: files.map((f) => f.name) })] },
    ]);
    const outs = decodeOutputs(await this.call(this.inference, 'ModelInfer', req, { timeoutMs }));
    return { files: files.map((_, i) => { const { metadata: _m, ...rest } = row(outs, i); return rest; }), metadata: json(outs.metadata.values[0], {}) };
  }

  /** A decoupled model through ModelStreamInfer: yields each response until the final one. */
  async *inferStream(model: string, input: TranslationInput, o: { timeoutMs?: number; signal?: AbortSignal } = {}): AsyncGenerator<TranslationOutput> {
    const call = this.inference.ModelStreamInfer(this.metadata, { deadline: Date.now() + (o.timeoutMs ?? this.timeoutMs) });
    const queue: any[] = [];
    let wake: (() => void) | undefined;
    let done = false;
    let failure: TritonError | undefined;
    const push = () => { const w = wake; wake = undefined; w?.(); };
    call.on('data', (msg: any) => { queue.push(msg); push(); });
    call.on('error', (e: grpc.ServiceError) => { failure = new TritonError(e.code, e.details || e.message); push(); });
    call.on('end', () => { done = true; push(); });
    const onAbort = () => call.cancel();
    o.signal?.addEventListener('abort', onAbort, { once: true });
    call.write(this.request(model, TritonClient.inputsOf(input, [1, 1])));
    try {
      for (;;) {
        const msg = queue.shift();
        if (msg) {
          if (msg.error_message) throw new TritonError(grpc.status.INTERNAL, msg.error_message);
          const res = msg.infer_response;
          if (res.outputs.length) yield row(decodeOutputs(res), 0);
          if (res.parameters?.triton_final_response?.bool_param) return;
          continue;
        }
        if (failure) throw failure;
        if (done) throw new TritonError(grpc.status.UNAVAILABLE, 'stream ended before the final response');
        await new Promise<void>((r) => { wake = r; });
      }
    } finally {
      o.signal?.removeEventListener('abort', onAbort);
      call.end();
      if (!done) call.cancel();
    }
  }

  /** The Prometheus text of the metrics endpoint (Triton's nv_* and the models' portalis_*). */
  metrics(timeoutMs = this.timeoutMs): Promise<string> {
    const get = this.metricsUrl.startsWith('https:') ? https.get : http.get;
    return new Promise((resolve, reject) => {
      const req = get(this.metricsUrl, { timeout: timeoutMs }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => { body += c; });
        res.on('end', () => (res.statusCode === 200 ? resolve(body) : reject(new Error(`metrics: HTTP ${res.statusCode}`))));
      });
      req.on('timeout', () => req.destroy(new Error('metrics: timed out')));
      req.on('error', reject);
    });
  }

  close(): void {
    this.health.close();
    this.inference.close();
  }
}
