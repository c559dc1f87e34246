/** The Workers static assets driver: the index deployed with the Worker (files under public/index/). Read-only. */
import type { IndexSource } from '../../index/source.js';

export function assetsSource(assets: Fetcher, root = '/index'): IndexSource {
  const base = root.replace(/\/+$/, '');
  return {
    name: `assets:${base}`,
    async read(path) {
      const res = await assets.fetch(new Request(`https://assets.local${base}/${path}`));
      if (res.status === 404) return null;
      if (!res.ok) throw new Error(`assets ${base}/${path}: HTTP ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    },
  };
}
