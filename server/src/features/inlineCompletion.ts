// Inline completion (LSP 3.18) in Rust documents: when the line being typed starts an item
// (`fn count_w`, `struct Point`, `impl Point`, `enum`, `trait`) whose name matches a Python
// definition of the session context, offer the rest of its translation as ghost text.
import { CancellationToken, InlineCompletionItem, InlineCompletionParams, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { KnownDef, RustItem, SessionContext } from '../context';
import { isRust } from '../documents';
import type { Settings } from '../settings';
import { Cancelled, Translator } from '../translator';
import { normUri } from '../uri';
import { rustItems } from './diagnostics';

interface Deps {
  documents: TextDocuments<TextDocument>;
  translator: Translator;
  context: SessionContext;
  settings: () => Settings;
}

const ITEM_START = /^(\s*)((?:pub(?:\([\w:]+\))?\s+)?(fn|struct|enum|impl|trait)\s+([A-Za-z_]\w*))$/;

/** The Rust a definition became: from its document's analysis, or translated now on its own. */
async function rustOf(d: KnownDef, deps: Deps, token: CancellationToken): Promise<RustItem | undefined> {
  if (d.rust) return d.rust;
  const context = deps.context.contextFor(d.uri, d.source, d.lines) || undefined;
  const r = await deps.translator.translate({ code: d.source, fragment: true, context, verify: false, filename: 'context.py' }, d.uri, token);
  return rustItems(r).get(d.name);
}

export async function inlineCompletion(p: InlineCompletionParams, token: CancellationToken, deps: Deps): Promise<InlineCompletionItem[]> {
  if (!deps.settings().inlineSuggestions.enabled) return [];
  const doc = deps.documents.get(p.textDocument.uri);
  if (!doc || !isRust(doc)) return [];
  const line = doc.getText({ start: { line: p.position.line, character: 0 }, end: p.position });
  const m = ITEM_START.exec(line);
  if (!m) return [];
  const [, , typed, keyword, prefix] = m;
  const uri = normUri(doc.uri);
  deps.context.ensureScanned(uri);
  const wantsClass = keyword !== 'fn';
  const candidates = deps.context.definitions(uri).filter((d) => d.name.startsWith(prefix) && (d.kind === 'class') === wantsClass);
  const items: InlineCompletionItem[] = [];
  const seen = new Set<string>();
  for (const d of candidates.slice(0, 5)) {
    if (seen.has(d.name)) continue;
    seen.add(d.name);
    let rust: RustItem | undefined;
    try { rust = await rustOf(d, deps, token); } catch (e) { if (e instanceof Cancelled) return []; continue; }
    if (token.isCancellationRequested) return [];
    if (!rust) continue;
    // Start at the line that declares what was typed (a class's `impl` block, say), skipping attributes.
    const lines = rust.text.split('\n');
    const norm = (s: string) => s.trim().replace(/^pub(\([\w:]+\))?\s+/, '');
    const want = norm(typed);
    const at = lines.findIndex((l) => norm(l).startsWith(want));
    if (at < 0) continue;
    const first = lines[at].trimStart();
    const declared = first.slice(first.indexOf(norm(typed).split(/\s+/)[0]));
    const rest = declared.slice(want.length);
    const indent = /^\s*/.exec(lines[at])![0];
    const body = lines.slice(at + 1).map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l)).map((l) => (l ? m[1] + l : l));
    items.push({ insertText: [rest, ...body].join('\n'), range: { start: p.position, end: p.position }, filterText: typed.trim() });
  }
  return items;
}
