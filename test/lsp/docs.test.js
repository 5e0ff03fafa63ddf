// docs/diagnostics.md is where every diagnostic's codeDescription points: one anchor per code.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { CODES } = require('../../dist/engine.js');

describe('docs/diagnostics.md', function () {
  it('documents every engine code under its own heading (the codeDescription anchor)', function () {
    const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'diagnostics.md'), 'utf8');
    const headings = new Set([...doc.matchAll(/^## (PTR\d{3})$/gm)].map((m) => m[1]));
    const missing = Object.keys(CODES).filter((c) => !headings.has(c));
    assert.deepStrictEqual(missing, [], `codes without a section: ${missing}`);
    const unknown = [...headings].filter((c) => !(c in CODES));
    assert.deepStrictEqual(unknown, [], `sections for codes the engine does not have: ${unknown}`);
  });
});
