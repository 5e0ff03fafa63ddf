// The GPU deploy configs (configs/gpu.pbtxt, --model-config-name=gpu) stay the CPU configs with
// a GPU instance group: a change to one without the other fails here.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { root } = require('./helpers');

const repo = path.join(root, 'model_repository');
const body = (file) => fs.readFileSync(file, 'utf8').split('\n').filter((l) => !l.startsWith('#')).join('\n');

describe('model configs', () => {
  const models = fs.readdirSync(repo).filter((d) => fs.existsSync(path.join(repo, d, 'config.pbtxt')));
  it('has the four Portalis models and nothing Triton would mistake for one', () => {
    assert.deepStrictEqual(models.sort(), ['batch_processor', 'interactive_api', 'interactive_stream', 'translation_model']);
    const dirs = fs.readdirSync(repo, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    assert.deepStrictEqual(dirs, models.sort());
  });
  for (const m of ['batch_processor', 'interactive_api', 'interactive_stream', 'translation_model']) {
    it(`${m}: configs/gpu.pbtxt = config.pbtxt with KIND_GPU`, () => {
      const cpu = body(path.join(repo, m, 'config.pbtxt'));
      assert.match(cpu, /kind: KIND_CPU/);
      assert.strictEqual(body(path.join(repo, m, 'configs', 'gpu.pbtxt')), cpu.replace(/KIND_CPU/g, 'KIND_GPU'));
    });
  }
});
