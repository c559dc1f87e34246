/**
 * Runs one measurement job (benchmarks/child.ts) in a fresh Node process: the job goes through a
 * file, the result is the last line the child prints. A fresh process per job is what makes load
 * time and heap comparable between engines and shards.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

export function runChild<T>(job: object, file: string): T {
  writeFileSync(file, JSON.stringify(job));
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'benchmarks/child.ts', file],
    {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}
