// Public surface of the Triton client side (bundled as dist/triton.js for tests, benchmarks and
// the load test): the KServe v2 client, the language-server backend and the fallback wrapper.
export { TritonClient, TritonError, sequenceLost, transportFailure, protoDir } from './client';
export type { TritonClientOptions, TranslationInput, TranslationOutput, SequenceOptions } from './client';
export { TritonBackend, BreakerOpenError, toBackendResult } from './tritonBackend';
export { definitionsOf } from '../../../../engine/src/definitions';
export type { TritonBackendOptions } from './tritonBackend';
export { FallbackBackend } from '../fallback';
