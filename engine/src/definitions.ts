// Top-level `def`/`class` blocks of a Python text by name, with their decorators: what a later
// request in the same session may call. Text-level on purpose (cheap, no type analysis), and
// free of heavy imports so that the Triton client can share it without bundling the engine.
export function definitionsOf(code: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = code.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^(?:async\s+)?(?:def|class)\s+([A-Za-z_]\w*)/.exec(lines[i]);
    if (!m) continue;
    let start = i;
    while (start > 0 && lines[start - 1].startsWith('@')) start--;
    let j = i + 1;
    while (j < lines.length && (lines[j].trim() === '' || /^\s/.test(lines[j]))) j++;
    out.set(m[1], lines.slice(start, j).join('\n').replace(/\s+$/, ''));
  }
  return out;
}
