// A selection is translated with its own file's imports as context: selecting a method that
// calls math.sqrt must not lose `import math` (it would become a todo!()).
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { LspClient, uri } = require('./client');
const { workspace } = require('./fixtures');

const POINT = 'import math\n\n\nclass Point:\n    def __init__(self, x: float, y: float) -> None:\n        self.x = x\n        self.y = y\n\n    def norm(self) -> float:\n        return math.sqrt(self.x * self.x + self.y * self.y)\n';

describe('selections keep their file\'s imports', function () {
  let root, c;
  before(async function () {
    root = workspace({ 'point.py': POINT });
    c = await LspClient.start({ root });
  });
  after(async function () {
    if (c) await c.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('translates a selected class that uses an imported module without todo!()', async function () {
    const u = uri(path.join(root, 'point.py'));
    c.open(u, POINT);
    const lines = POINT.split('\n');
    const r = await c.request('portalis/translate', { uri: u, range: { start: { line: 3, character: 0 }, end: { line: lines.length - 1, character: 0 } } });
    assert.doesNotMatch(r.rust, /todo!/, r.rust);
    assert.match(r.rust, /\.sqrt\(\)/, r.rust);
    assert.match(r.rust, /struct Point/, r.rust);
  });
});
