// Code actions: a `quickfix` with a real WorkspaceEdit for every diagnostic the engine can fix
// (inferred type hints, replacements it suggests), and "Translate selection to Rust" as a
// `refactor` on any non-empty selection (a command the editor extension handles).
import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic } from 'vscode-languageserver/node';
import type { Analysis } from './diagnostics';
import { toLspDiagnostic } from './diagnostics';

export const TRANSLATE_SELECTION_COMMAND = 'portalis.translateSelection';

type Fix = { title: string; edits: { range: Diagnostic['range']; newText: string }[] };

const sameStart = (a: Diagnostic['range'], b: Diagnostic['range']) => a.start.line === b.start.line && a.start.character === b.start.character;
const touches = (d: Diagnostic['range'], r: Diagnostic['range']) => d.start.line <= r.end.line && d.end.line >= r.start.line;

export function codeActions(params: CodeActionParams, a: Analysis | undefined): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
  const out: CodeAction[] = [];
  const uri = params.textDocument.uri;
  if (a && wants(CodeActionKind.QuickFix)) {
    // The fixes come from the server's own analysis of this version, never from client data.
    const seen = new Set<string>();
    for (const d of a.result.diagnostics as (typeof a.result.diagnostics[number] & { fix?: Fix })[]) {
      if (!d.fix || !touches(d.range, params.range)) continue;
      const key = `${d.code}:${d.range.start.line}:${d.range.start.character}:${d.fix.title}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const sent = params.context.diagnostics.find((x) => x.code === d.code && sameStart(x.range, d.range));
      out.push({
        title: d.fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [sent ?? toLspDiagnostic(d, uri, a.result)],
        isPreferred: d.fix.edits.length === 1,
        edit: { changes: { [uri]: d.fix.edits.map((e) => ({ range: e.range, newText: e.newText })) } },
      });
    }
  }
  const r = params.range;
  const nonEmpty = r.start.line !== r.end.line || r.start.character !== r.end.character;
  if (nonEmpty && wants(CodeActionKind.Refactor)) {
    out.push({
      title: 'Translate selection to Rust',
      kind: CodeActionKind.Refactor,
      command: { title: 'Translate selection to Rust', command: TRANSLATE_SELECTION_COMMAND, arguments: [uri, r] },
    });
  }
  return out;
}
