// Starts the real samverkan binary on a free loopback port with a fresh data folder, for tests
// that check the server with tools from npm. SAMVERKAN_BIN and SAMVERKAN_SOURCE_DIR come from CTest.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

export async function startServer({ demo = false } = {}) {
  const bin = process.env.SAMVERKAN_BIN;
  const source = process.env.SAMVERKAN_SOURCE_DIR;
  if (!bin || !source) throw new Error('SAMVERKAN_BIN and SAMVERKAN_SOURCE_DIR must be set (run through ctest)');
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-js-'));
  const port = await freePort();
  const args = [`--config=${join(source, 'config/samverkan.properties')}`];
  if (demo) args.push('--demo');
  const child = spawn(bin, args, {
    cwd: source,
    env: { ...process.env, SAMVERKAN_PORT: String(port), SAMVERKAN_DATA_DIR: dataDir,
           SAMVERKAN_ADMIN_PASSWORD: ADMIN_PASSWORD },
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
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
