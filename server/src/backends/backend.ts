// What the language server needs from a translator. The embedded backend runs the engine
// in-process; the Triton backend calls the KServe v2 gRPC models. Feature handlers only see this.
import type { BackendName, TranslationDiagnostic } from '../../../protocol/src/protocol';

export interface BackendRequest {
  code: string;
  /** Editor selection (dedent, no fn main() unless it has top-level statements). */
  fragment: boolean;
  filename?: string;
  /** Python source of the session's known definitions, analysed with the input. */
  context?: string;
  /** Run rustc on the result (whole files in batch); default false in the editor. */
  verify?: boolean;
}

export interface BackendResult {
  rust: string;
  diagnostics: TranslationDiagnostic[];
  confidence: number;
  /** Engine items (name, kind, Python range, Rust lines, signature, confidence). */
  items: { name: string; kind: string; range: any; rustLines: [number, number]; signature: string; confidence: number; docstring?: string }[];
  sourceMap: { rustLine: number; range: any }[];
  inferred: { range: any; text: string; why: string }[];
  fatal?: string;
  backend: BackendName;
}

export interface Backend {
  readonly name: BackendName;
  /** Session id: one editor session = one Triton sequence. */
  translate(req: BackendRequest, session: string, signal?: AbortSignal): Promise<BackendResult>;
  /** True when the backend can serve requests now. */
  healthy(): Promise<boolean>;
  /** Ends the session's state (Triton: sequence_end). */
  endSession(session: string): Promise<void>;
  dispose(): Promise<void>;
}
