// Runs code-server (real VS Code) with its own folders on a loopback port (e2e tests, npm start), and stops it
// with every process it started (it leaves a fileWatcher child behind otherwise).
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const path = require('path');

const freePort = () => new Promise((resolve, reject) => {
  const s = net.createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

const get = (url) => new Promise((resolve) => {
  const req = http.get(url, (res) => { res.resume(); resolve(res.statusCode); });
  req.on('error', () => resolve(0));
  req.setTimeout(2000, () => { req.destroy(); resolve(0); });
});

/** Folders for one session; XDG_CONFIG_HOME keeps code-server out of ~/.config. */
function sessionDirs(base) {
  const d = { extensions: path.join(base, 'extensions'), userData: path.join(base, 'user-data'), config: path.join(base, 'config'), home: path.join(base, 'home') };
  Object.values(d).forEach((p) => fs.mkdirSync(p, { recursive: true }));
  return d;
}

function env(dirs) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: dirs.config,
    // No gallery is reachable: point it at a closed local port so lookups fail at once.
    EXTENSIONS_GALLERY: '{"serviceUrl":"http://127.0.0.1:9/gallery","itemUrl":"http://127.0.0.1:9/items"}',
  };
}

/** `code-server --install-extension`; force replaces an installed copy of the same version. */
function installExtension(entry, dirs, vsix, force = false) {
  const args = [entry, '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData, '--install-extension', vsix, ...(force ? ['--force'] : [])];
  const r = spawnSync(process.execPath, args, { env: env(dirs), encoding: 'utf8' });
  if (r.status !== 0 || !/successfully installed/.test(r.stdout)) throw new Error(`code-server --install-extension ${vsix} failed:\n${r.stdout}${r.stderr}`);
  return r.stdout.trim();
}

/** Every descendant of pid (read from /proc), deepest last. */
function descendants(pid) {
  const children = new Map();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch { /* exited meanwhile */ }
  }
  const out = [];
  const walk = (p) => (children.get(p) || []).forEach((c) => { out.push(c); walk(c); });
  walk(pid);
  return out;
}

const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };

async function start({ entry, folder, dirs, port, log }) {
  port = port || await freePort();
  const args = [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData, folder];
  const out = fs.openSync(log, 'a');
  const child = spawn(process.execPath, args, { env: env(dirs), stdio: ['ignore', out, out], detached: true });
  fs.closeSync(out);
  const url = `http://127.0.0.1:${port}`;
  let exited = null;
  child.on('exit', (code) => { exited = code; });
  for (let i = 0; i < 300 && exited === null; i++) {
    if (await get(`${url}/healthz`) === 200) return { url, port, child, stop: () => stop(child) };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop(child);
  throw new Error(`code-server did not answer on ${url}/healthz (exit ${exited}); see ${log}`);
}

/** SIGTERM to the process group, then SIGKILL by PID to whatever is left (fileWatcher, ext hosts). */
async function stop(child) {
  if (!child.pid) return;
  const pids = [child.pid, ...descendants(child.pid)];
  try { process.kill(-child.pid, 'SIGTERM'); } catch { /* group gone */ }
  for (const p of pids) { try { process.kill(p, 'SIGTERM'); } catch { /* gone */ } }
  for (let i = 0; i < 30 && pids.some(alive); i++) await new Promise((r) => setTimeout(r, 100));
  for (const p of pids.filter(alive)) { try { process.kill(p, 'SIGKILL'); } catch { /* gone */ } }
}

module.exports = { start, stop, sessionDirs, installExtension, freePort, get };
