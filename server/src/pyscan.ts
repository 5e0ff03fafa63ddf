// A cheap, engine-free scan of a Python file's top-level definitions (def/class with their
// decorators) and imports. The session context needs only their source text; types come
// from the engine when a selection is translated with that text as context.

export interface PyDefinition {
  name: string;
  kind: 'def' | 'class';
  /** 0-based line range [startLine, endLine] inclusive, decorators included. */
  lines: [number, number];
  source: string;
}

export interface PyScan { defs: PyDefinition[]; imports: string[] }

const DEF = /^(?:async\s+)?(def|class)\s+([A-Za-z_]\w*)/;

export function scanPython(text: string): PyScan {
  const lines = text.split(/\r?\n/);
  const defs: PyDefinition[] = [];
  const imports: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (/^(import|from)\s/.test(line)) {
      // Parenthesised imports may span lines.
      let j = i;
      if (line.includes('(') && !line.includes(')')) while (j + 1 < lines.length && !lines[j].includes(')')) j++;
      imports.push(lines.slice(i, j + 1).join('\n'));
      i = j + 1;
      continue;
    }
    let start = i;
    while (i < lines.length && lines[i].startsWith('@')) i++;
    const m = i < lines.length ? DEF.exec(lines[i]) : null;
    if (!m) { i = Math.max(i, start) + 1; continue; }
    // The body: every following line that is blank, a comment or indented.
    let end = i;
    for (let j = i + 1; j < lines.length; j++) {
      const l = lines[j];
      if (!l.trim()) continue;
      if (/^[ \t]/.test(l)) { end = j; continue; }
      break;
    }
    defs.push({ name: m[2], kind: m[1] as 'def' | 'class', lines: [start, end], source: lines.slice(start, end + 1).join('\n') });
    i = end + 1;
  }
  return { defs, imports };
}

/** Identifiers used in a piece of Python (over-approximate: strings and comments included). */
export function identifiers(text: string): Set<string> {
  return new Set(text.match(/[A-Za-z_]\w*/g) ?? []);
}
