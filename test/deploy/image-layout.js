// Builds the image's /opt/portalis without Docker (no engine on these machines), by following
// deploy/Dockerfile itself: the build stage's COPY and RUN lines run in a scratch folder (with
// the repository's node_modules linked in place of `npm ci`), the runtime stage's COPY lines
// assemble the layout, and its ENV lines become the environment. Tests then run the engine and
// tritonserver from that layout, so a file the image forgets shows up as a failure.
const fs = require('fs');
const path = require('path');
const { root, deploy, run } = require('./helpers');

const IMAGE_ROOT = '/opt/portalis';

/** Dockerfile → [{name, lines}] per stage, with continuation lines joined and comments dropped. */
function stages(text) {
  const joined = text.replace(/\\\n/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const out = [];
  for (const l of joined) {
    if (/^FROM /.test(l)) out.push({ name: (l.match(/ AS (\S+)$/i) || [])[1] || null, from: l.split(/\s+/)[1], lines: [] });
    else if (out.length) out[out.length - 1].lines.push(l);
  }
  return out;
}

const copyArgs = (l) => {
  const words = l.split(/\s+/).slice(1);
  const from = (words.find((w) => w.startsWith('--from=')) || '').slice(7) || null;
  const rest = words.filter((w) => !w.startsWith('--'));
  return { from, srcs: rest.slice(0, -1), dest: rest[rest.length - 1] };
};

/** Assembles the image layout under dir; returns {layout, env} (ENV with /opt/portalis mapped). */
function assembleImage(dir) {
  const all = stages(fs.readFileSync(path.join(deploy, 'Dockerfile'), 'utf8'));
  const build = all.find((s) => s.name === 'build');
  const runtime = all[all.length - 1];
  const src = path.join(dir, 'src');
  const out = path.join(dir, 'out');
  fs.mkdirSync(src, { recursive: true });

  // Build stage: COPY from the context, RUN with /out mapped; `npm ci` is the one step replaced.
  for (const l of build.lines) {
    if (/^COPY /.test(l)) {
      const { srcs, dest } = copyArgs(l);
      for (const s of srcs) {
        const target = dest.endsWith('/') || srcs.length > 1 ? path.join(src, dest, path.basename(s)) : path.join(src, dest);
        fs.cpSync(path.join(root, s), target, { recursive: true });
      }
    } else if (/^RUN npm ci\b/.test(l)) {
      fs.symlinkSync(path.join(root, 'node_modules'), path.join(src, 'node_modules'));
    } else if (/^RUN /.test(l)) {
      const r = run('sh', ['-c', l.slice(4).replace(/\/out\b/g, out)], { cwd: src });
      if (r.status !== 0) throw new Error(`build stage: ${l}\n${r.out}`);
    }
  }

  // Runtime stage: COPY into the layout; ENV collected.
  const layout = path.join(dir, 'opt-portalis');
  const env = {};
  const map = (p) => p.replace(IMAGE_ROOT, layout);
  for (const l of runtime.lines) {
    if (/^COPY /.test(l)) {
      const { from, srcs, dest } = copyArgs(l);
      if (from === 'node') continue; // the Node binary: this machine's node stands in
      if (from && from !== 'build') throw new Error(`unexpected COPY --from=${from}`);
      for (const s of srcs) {
        const source = from === 'build' ? s.replace(/^\/out\b/, out) : path.join(root, s);
        fs.cpSync(source, path.join(layout, dest), { recursive: true, filter: (f) => !/__pycache__/.test(f) });
      }
    } else if (/^ENV /.test(l)) {
      for (const m of l.slice(4).matchAll(/(\w+)=(\S+)/g)) env[m[1]] = map(m[2]);
    } else if (/^WORKDIR /.test(l)) {
      if (l.split(/\s+/)[1] !== IMAGE_ROOT) throw new Error(`runtime WORKDIR is not ${IMAGE_ROOT}`);
    }
  }
  return { layout, env };
}

module.exports = { assembleImage, stages };
