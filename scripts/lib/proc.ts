/** What the load script reads of wrangler dev's processes from /proc (Linux). */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** workerd processes below `pid` (wrangler → … → workerd). */
export function workerdPids(pid: number): number[] {
  const children = new Map<number, number[]>();
  const names = new Map<number, string>();
  for (const entry of readdirProc()) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      names.set(entry, name);
      children.set(ppid, [...(children.get(ppid) ?? []), entry]);
    } catch {
      // the process ended meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const c of children.get(p) ?? []) {
      if (names.get(c) === 'workerd') out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

function readdirProc(): number[] {
  try {
    return readdirSync('/proc')
      .filter((e) => /^\d+$/.test(e))
      .map(Number);
  } catch {
    return [];
  }
}

/** Resident memory of these processes together, in MB; null when none is running. */
export function rssMb(pids: number[]): number | null {
  let kb = 0;
  let seen = 0;
  for (const pid of pids) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) {
        kb += Number(m[1]);
        seen++;
      }
    } catch {
      // exited meanwhile
    }
  }
  return seen === 0 ? null : Math.round(kb / 1024);
}

/** TCP ports `pid` listens on: its socket inodes matched against /proc/net/tcp{,6} LISTEN rows. */
export function listeningPorts(pid: number): number[] {
  const inodes = new Set<string>();
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m) inodes.add(m[1]!);
      } catch {
        // closed meanwhile
      }
    }
  } catch {
    return [];
  }
  const ports = new Set<number>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let rows: string[] = [];
    try {
      rows = readFileSync(table, 'utf8').trim().split('\n').slice(1);
    } catch {
      continue;
    }
    for (const row of rows) {
      const cols = row.trim().split(/\s+/);
      // cols: sl, local "ADDR:PORT" (hex), remote, state ("0A" = LISTEN), …, inode at 9.
      if (cols[3] === '0A' && inodes.has(cols[9]!)) ports.add(parseInt(cols[1]!.split(':').at(-1)!, 16));
    }
  }
  return [...ports];
}
