'use strict';
// Shared helpers for the unit, CLI and fuzz suites (not a test file itself).
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const REPO = path.resolve(__dirname, '..', '..');
const ENGINE_PATH = path.join(REPO, 'dist', 'engine.js');
const CLI_PATH = path.join(REPO, 'bin', 'portalis.js');
const GAPS_PATH = path.join(__dirname, 'known-gaps.json');

/** The built engine (dist/engine.js). Fails loudly when the build is missing. */
function engine() {
  if (!fs.existsSync(ENGINE_PATH)) {
    throw new Error(`${ENGINE_PATH} is missing: run \`node scripts/build.js\` before the tests`);
  }
  return require(ENGINE_PATH);
}

function has(cmd, args = ['--version']) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.status === 0;
}

/** Throws a clear error when a tool the suite depends on is missing (never skip silently). */
function requireTool(cmd) {
  if (!has(cmd)) throw new Error(`\`${cmd}\` is not on PATH: this suite needs it (install it, do not skip the suite)`);
}

function tmpdir(prefix = 'portalis-test-') {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Known engine gaps: test/unit/known-gaps.json maps "suite/case" to a reason. A listed case
 * must STILL fail (so the list stays honest: fix the engine, then delete the entry).
 */
function knownGaps() {
  const raw = JSON.parse(fs.readFileSync(GAPS_PATH, 'utf8'));
  return raw.gaps || {};
}

/**
 * Runs `check` (which throws on failure). When `id` is a known gap, asserts that it still fails.
 * Returns 'pass' | 'gap'.
 */
function checkOrGap(id, check) {
  const gaps = knownGaps();
  if (!(id in gaps)) { check(); return 'pass'; }
  let failed = false;
  try { check(); } catch (_) { failed = true; }
  assert.ok(failed, `"${id}" is listed in test/unit/known-gaps.json (${gaps[id]}) but now passes: remove it from the list`);
  return 'gap';
}

/** Fails when known-gaps.json lists an id with the given prefix that no test defines. */
function assertNoStaleGaps(prefix, ids) {
  const known = new Set(ids);
  const stale = Object.keys(knownGaps()).filter((k) => k.startsWith(prefix) && !known.has(k));
  assert.deepStrictEqual(stale, [], `known-gaps.json names cases that do not exist: ${stale.join(', ')}`);
}

/** The Rust program without the runtime helpers appended after the translated code. */
function userRust(rust) {
  const cut = rust.search(/\n\/\/\/ (Runtime errors|Formats a float|repr\(\)|str\(\) and repr|A dict that)/);
  return cut >= 0 ? rust.slice(0, cut) : rust;
}

module.exports = { REPO, ENGINE_PATH, CLI_PATH, engine, has, requireTool, tmpdir, knownGaps, checkOrGap, assertNoStaleGaps, userRust };
