// Which documents the server works on, and where their text comes from.
import * as fs from 'fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextDocuments } from 'vscode-languageserver/node';
import { uriToPath } from './uri';

/** Python source files (open in any editor, saved or untitled); stubs (.pyi) and notebooks are not. */
export function isPython(doc: { uri: string; languageId: string }): boolean {
  if (doc.uri.endsWith('.pyi')) return false;
  return doc.languageId === 'python' || /\.py$/i.test(doc.uri);
}

export function isRust(doc: { uri: string; languageId: string }): boolean {
  return doc.languageId === 'rust' || /\.rs$/i.test(doc.uri);
}

/** The text of a document: the editor's copy when open, else the file on disk. */
export function textOf(documents: TextDocuments<TextDocument>, uri: string): { text: string; doc?: TextDocument } | undefined {
  const doc = documents.get(uri);
  if (doc) return { text: doc.getText(), doc };
  const p = uriToPath(uri);
  if (!p) return undefined;
  try { return { text: fs.readFileSync(p, 'utf8') }; } catch { return undefined; }
}
