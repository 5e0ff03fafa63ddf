// The models' per-sequence state, in plain Python (no server needed): TTL expiry, START reset,
// END, and the context a request gets (only the definitions it uses, transitively).
const assert = require('assert');
const path = require('path');
const { spawnSync } = require('child_process');
const { root } = require('./helpers');

function py(code) {
  // portalis_state imports portalis_tensors, which imports the Triton utils and numpy: stub them.
  const prelude = 'import sys, types\nfor m in ("triton_python_backend_utils", "numpy"):\n    sys.modules[m] = types.ModuleType(m)\n' +
    `sys.path.insert(0, ${JSON.stringify(path.join(root, 'model_repository'))})\nsys.dont_write_bytecode = True\nimport json\nfrom portalis_state import SessionStore, ResultCache\n`;
  const r = spawnSync(process.env.PORTALIS_PYTHON || 'python3', ['-c', prelude + code], { encoding: 'utf8' });
  assert.strictEqual(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

const DEFS = 'def area(w: float, h: float) -> float:\\n    return w * h\\n\\ndef unused(x: int) -> int:\\n    return x\\n\\ndef twice(a: float) -> float:\\n    return area(a, 2.0)\\n';

describe('model-side session state (portalis_state.py)', () => {
  it('a request gets only the definitions it uses, directly or through others', () => {
    const out = py(`s = SessionStore(60)\ns.start(1)\ns.learn(1, "${DEFS}")\nprint(json.dumps([s.context_for(1, "twice(3)\\n"), s.context_for(1, "print(1)\\n"), s.context_for(1, "def area(x: int) -> int:\\n    return x\\narea(1)\\n")]))`);
    assert.match(out[0], /def area/);
    assert.match(out[0], /def twice/);
    assert.doesNotMatch(out[0], /def unused/);
    assert.strictEqual(out[1], '');
    assert.strictEqual(out[2], '', 'a definition the request redefines is not sent');
  });

  it('sessions expire after their TTL; START resets, END forgets; sessions are isolated', () => {
    const out = py(`import time\ns = SessionStore(0.2)\ns.start(1); s.learn(1, "${DEFS}")\ns.start(2); s.learn(2, "${DEFS}")\nbefore = s.get(1) is not None\ns.start(2)\nreset = s.context_for(2, "area(1, 2)\\n")\ns.end(2)\nended = s.get(2) is None\ntime.sleep(0.3)\ns.expire()\nprint(json.dumps([before, reset, ended, s.get(1) is None]))`);
    assert.deepStrictEqual(out, [true, '', true, true]);
  });

  it('the result cache keeps the newest entries and never stores errors', () => {
    const out = py('c = ResultCache(2)\nfor i in range(3): c.put(str(i), {"rust": str(i)})\nc.put("e", {"error": "x"})\nprint(json.dumps([c.get("0"), c.get("2"), c.get("e")]))');
    assert.deepStrictEqual(out, [null, { rust: '2' }, null]);
  });
});
