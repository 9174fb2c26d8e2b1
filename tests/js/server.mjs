// Starts the real samverkan binary on a free loopback port with a fresh data folder, for tests
// that check the server with tools from npm. SAMVERKAN_BIN and SAMVERKAN_SOURCE_DIR come from CTest.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync,
         writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const ADMIN_PASSWORD = 'admin-password-for-tests';

// A TCP port free on 127.0.0.1 now, for a server the test starts.
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// The demo as the binary loaded it once per binary and day (its dates follow the day), beside the
// binary: loading it costs seconds of Argon2 and git, and every browser test starts a demo server.
// One test file makes it while the others wait on the lock (a folder, made atomically).
async function demoFolder(bin) {
  const stat = statSync(bin);
  const day = Math.floor(Date.now() / 86400000);
  const root = join(dirname(bin), 'test-demo-data-js');
  const build = `${stat.mtimeMs}-${stat.size}-${day}`;
  const folder = join(root, build, 'demo');
  if (existsSync(folder)) return folder;
  mkdirSync(root, { recursive: true });
  const lock = join(root, 'lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(folder)) return folder;
      // A lock older than two minutes was left by a test program that was killed.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 120000) rmSync(lock, { recursive: true, force: true });
      } catch { /* gone meanwhile */ }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    if (existsSync(folder)) return folder;
    for (const name of readdirSync(root)) {
      if (name !== 'lock' && name !== build) rmSync(join(root, name), { recursive: true, force: true });
    }
    const loading = join(root, build, 'loading');
    rmSync(loading, { recursive: true, force: true });
    mkdirSync(join(root, build), { recursive: true });
    const loader = await launch({ demo: true, dataDir: loading });
    await loader.stopKeepingData();
    renameSync(loading, folder);
    return folder;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

// `properties`: settings added to config/samverkan.properties (the identity providers of a test),
// with `port` chosen beforehand so that they can name the server's own URL.
export async function startServer({ demo = false, port, properties } = {}) {
  const bin = process.env.SAMVERKAN_BIN;
  if (!bin || !process.env.SAMVERKAN_SOURCE_DIR) throw new Error('SAMVERKAN_BIN and SAMVERKAN_SOURCE_DIR must be set (run through ctest)');
  if (!demo) return launch({ demo: false, port, properties });
  const own = mkdtempSync(join(tmpdir(), 'samverkan-js-'));
  const dataDir = join(own, 'data');
  cpSync(await demoFolder(bin), dataDir, { recursive: true });
  return launch({ demo: false, dataDir, removeOnStop: own, port, properties });
}

async function launch({ demo, dataDir = mkdtempSync(join(tmpdir(), 'samverkan-js-')), removeOnStop = dataDir,
                        port, properties }) {
  const bin = process.env.SAMVERKAN_BIN;
  const source = process.env.SAMVERKAN_SOURCE_DIR;
  port ??= await freePort();
  let config = join(source, 'config/samverkan.properties');
  const extra = {};
  if (properties) {
    config = `${dataDir}.properties`;
    writeFileSync(config, `${readFileSync(join(source, 'config/samverkan.properties'), 'utf8')}\n` +
      `samverkan.config_dir = ${join(source, 'config')}\n` +
      Object.entries(properties).map(([k, v]) => `${k} = ${v}`).join('\n') + '\n');
    extra.SAMVERKAN_PUBLIC_URL = `http://127.0.0.1:${port}`;
  }
  const args = [`--config=${config}`];
  if (demo) args.push('--demo');
  const child = spawn(bin, args, {
    cwd: source,
    env: { ...process.env, SAMVERKAN_PORT: String(port), SAMVERKAN_DATA_DIR: dataDir,
           SAMVERKAN_ADMIN_PASSWORD: ADMIN_PASSWORD, ...extra },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) break;
    } catch { /* not up yet */ }
    if (child.exitCode !== null) throw new Error(`samverkan exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    base,
    dataDir,
    async login(username = 'admin', password = ADMIN_PASSWORD) {
      const r = await fetch(`${base}/api/v1/session`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      if (r.status !== 201) throw new Error(`login as ${username} answered ${r.status}`);
      return (await r.json()).token;
    },
    async stop() {
      await this.stopKeepingData();
      rmSync(removeOnStop, { recursive: true, force: true });
      if (properties) rmSync(config, { force: true });
    },
    async stopKeepingData() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}
