// Temporary workspaces for the LSP tests (copies: the tests never touch examples/).
const fs = require('fs');
const os = require('os');
const path = require('path');

const EXAMPLES = path.join(__dirname, '..', '..', 'examples', 'workspace');

/** A temp copy of examples/workspace plus `extra` files ({relative path: text}). */
function workspace(extra = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'portalis-lsp-'));
  for (const f of fs.readdirSync(EXAMPLES)) fs.copyFileSync(path.join(EXAMPLES, f), path.join(root, f));
  for (const [rel, text] of Object.entries(extra)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

/** Every file under dir (relative paths), skipping the named top-level folders. */
function listFiles(dir, skip = []) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const rel = path.relative(dir, p);
      if (skip.includes(rel.split(path.sep)[0])) continue;
      if (e.isDirectory()) walk(p); else out.push(rel);
    }
  };
  walk(dir);
  return out.sort();
}

function snapshot(dir, skip = []) {
  return Object.fromEntries(listFiles(dir, skip).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

// A program whose translation compiles nowhere: an attribute set on an instance of an empty
// class (the engine's struct has no such field), so cargo check fails on line 5.
const BROKEN = 'class Box:\n    pass\n\n\nb = Box()\nb.size = 3\nprint(b.size + 1)\n';

module.exports = { workspace, listFiles, snapshot, BROKEN };
