/** The store's contract (test/store/contract.ts) run against the drivers Node runs: file system and memory. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fsSource } from '../../src/store/drivers/fs.js';
import { memoryStorage } from '../../src/store/drivers/memory.js';
import { readContract, writeContract } from '../store/contract.js';
import { CONTRACT_FILES } from '../store/contract-files.js';

readContract({
  name: 'file system',
  async open() {
    const dir = await mkdtemp(join(tmpdir(), 'store-contract-'));
    for (const [path, bytes] of Object.entries(CONTRACT_FILES)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), bytes);
    }
    return fsSource(dir);
  },
});

readContract({ name: 'memory', open: async () => memoryStorage(CONTRACT_FILES) });
writeContract({ name: 'memory', open: async () => memoryStorage() });
