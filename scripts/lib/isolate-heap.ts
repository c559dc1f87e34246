/**
 * The JavaScript heap of the Worker's isolate under `wrangler dev`, read through its inspector
 * (Chrome DevTools Protocol, Runtime.getHeapUsage). workerd's process RSS grows by ~10 KB per
 * request under `wrangler dev` even for a hello-world Worker, so it cannot tell whether the
 * Worker's own memory is flat; the isolate's heap can. workerd's inspector does not answer
 * HeapProfiler.collectGarbage, so the heap is sampled a few times while the Worker is idle and the
 * smallest reading (the one after V8's own collections) is kept.
 */
import WebSocket from 'ws';

export async function isolateHeapMb(inspectorPort: number, timeoutMs = 10_000): Promise<number | null> {
  const ws = new WebSocket(`ws://127.0.0.1:${inspectorPort}/ws`);
  const timer = setTimeout(() => ws.terminate(), timeoutMs);
  try {
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    let id = 0;
    const call = (method: string) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const mine = ++id;
        const onMessage = (data: WebSocket.RawData) => {
          const msg = JSON.parse(String(data)) as {
            id?: number;
            result?: Record<string, unknown>;
            error?: { message: string };
          };
          if (msg.id !== mine) return;
          ws.off('message', onMessage);
          if (msg.error) reject(new Error(msg.error.message));
          else resolve(msg.result ?? {});
        };
        ws.on('message', onMessage);
        ws.once('close', () => reject(new Error('inspector closed')));
        ws.send(JSON.stringify({ id: mine, method, params: {} }));
      });
    let least = Infinity;
    for (let i = 0; i < 8; i++) {
      const usage = await call('Runtime.getHeapUsage');
      if (typeof usage.usedSize === 'number') least = Math.min(least, usage.usedSize);
      await new Promise((r) => setTimeout(r, 250));
    }
    return Number.isFinite(least) ? Math.round((least / 1e6) * 10) / 10 : null;
  } catch (err) {
    // DEBUG_INSPECTOR=1 shows why a reading failed (the load run then reports "?").
    if (process.env.DEBUG_INSPECTOR) console.error('inspector:', err);
    return null;
  } finally {
    clearTimeout(timer);
    ws.close();
  }
}
