/**
 * The store's contract (test/store/contract.ts) run in workerd against the drivers of the Worker's
 * own storage, through Miniflare's local implementations: static assets (the fixture the global
 * setup wrote under public/) and R2 (a key prefix of its own per storage).
 */
import { env } from 'cloudflare:test';
import { assetsSource } from '../../src/store/drivers/assets.js';
import { r2Storage } from '../../src/store/drivers/r2.js';
import { readContract, writeContract } from '../store/contract.js';
import { CONTRACT_FILES, CONTRACT_ROOT } from '../store/contract-files.js';

readContract({ name: 'assets', open: async () => assetsSource(env.ASSETS, `/${CONTRACT_ROOT}`) });

readContract({
  name: 'R2',
  async open() {
    const prefix = `contract-${crypto.randomUUID()}`;
    // Seeded through the binding itself, so that reading is checked apart from the driver's writing.
    for (const [path, bytes] of Object.entries(CONTRACT_FILES))
      await env.INDEX_BUCKET.put(`${prefix}/${path}`, bytes);
    return r2Storage(env.INDEX_BUCKET, prefix);
  },
});

writeContract({
  name: 'R2',
  open: async () => r2Storage(env.INDEX_BUCKET, `contract-${crypto.randomUUID()}`),
});
