/**
 * Live updates in workerd, against Miniflare's local R2 and Durable Objects: an article put,
 * replaced or deleted through the admin routes is answered (or hidden) by /search at once
 * (INDEX_REFRESH_SECONDS = 0), concurrent updates of one article end in the last one, a writer
 * that dies between the entry and the head loses nothing acknowledged, and an update made during
 * a compaction stays pending over the new base. Articles here are invented.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { serializeIndex } from '../../src/index/serialize.js';
import { HEAD, type LiveArticle } from '../../src/live/log.js';
import { updatesCorpus } from '../../src/live/segment.js';
import { liveWriter } from '../../src/live/writer.js';
import { r2Storage } from '../../src/store/drivers/r2.js';
import { GENDER_BLIND, genderDecides } from '../fixtures/invented-articles.js';
import { adminSite, asset, sample } from './helpers.js';

const KEY = 'admin-key-for-live-tests-0123456789';

/** A fresh app over R2 under its own prefix, the sample index published there as the base. */
async function liveSite(
  overrides: Record<string, unknown> = {},
  manifestFields: Record<string, unknown> = {},
) {
  const { prefix, call, sendJson: send } = adminSite({ key: KEY, label: 'live', overrides });
  const publishFrom = async (root: string, version?: string) => {
    const manifest = (await (await asset(`${root}/manifest.json`)).json()) as any;
    for (const f of Object.values(manifest.files) as Array<{ path: string }>) {
      const bytes = new Uint8Array(
        await (await asset(`${root}/${manifest.version}/${f.path}`)).arrayBuffer(),
      );
      await env.INDEX_BUCKET.put(`${prefix}/${version ?? manifest.version}/${f.path}`, bytes);
    }
    const res = await send('POST', '/admin/index/publish', {
      manifest: { ...manifest, ...manifestFields, version: version ?? manifest.version },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  await publishFrom('test-index');
  const put = (article: Record<string, unknown>) => send('PUT', `/admin/articles/${article.id}`, article);
  const del = (id: string) => call(`/admin/articles/${id}`, { method: 'DELETE' });
  const search = async (q: string, extra = '') => {
    const res = await call(`/search?q=${encodeURIComponent(q)}&limit=50${extra}`, {}, null);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  return { prefix, call, send, put, del, search, publishFrom };
}

const story = (id: string, body: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: `Invented headline ${id}`,
  body,
  publisher: 'Invented Gazette',
  published: '2026-11-30',
  ...extra,
});

const ids = (answer: any): string[] => answer.hits.map((h: any) => h.id);

describe('live updates', () => {
  it('answers a published article at once, with the quotes the Worker extracted', async () => {
    const site = await liveSite();
    const before = await site.search('zephyrine');
    expect(before.total).toBe(0);
    const ack = await site.put(
      story(
        'live-zephyrine',
        'The zephyrine lighthouse reopened on Monday.\n\n"We waited nine winters for this light," said Oriel Mandevane, the harbour keeper.',
      ),
    );
    expect(ack.status, JSON.stringify(ack.body)).toBe(200);
    expect(ack.body).toMatchObject({ id: 'live-zephyrine', op: 'put', seq: 1, pending: 1, quotes: 1 });
    const after = await site.search('zephyrine', '&type=article');
    expect(ids(after)).toEqual(['live-zephyrine']);
    expect(after.total).toBe(1);
    const quotes = await site.search('nine winters', '&type=quote');
    expect(quotes.hits[0]).toMatchObject({
      type: 'quote',
      articleId: 'live-zephyrine',
      speaker: expect.stringContaining('Oriel Mandevane'),
    });
    expect((await site.call('/articles/live-zephyrine', {}, null)).status).toBe(200);
    // Facets and totals count it.
    const facets = await site.search('', '&type=article&facets=publisher');
    const gazette = facets.facets.publisher.values.find((v: any) => v.value === 'Invented Gazette');
    expect(gazette?.count).toBe(1);
    expect(facets.total).toBe(sample.length + 1);
  });

  it("extracts a published article's quotes with the speaker weights the base was built with", async () => {
    const body = genderDecides('quellmoor bridge');
    const speakerOf = async (site: Awaited<ReturnType<typeof liveSite>>) => {
      expect((await site.put(story('live-quellmoor', body))).status).toBe(200);
      return (await site.search('autumn', '&type=quote')).hits[0]?.speaker;
    };
    const bundled = await liveSite();
    expect(await speakerOf(bundled)).toBe('Tomas Brenner');
    const blind = await liveSite({}, { extraction: { speakerWeights: GENDER_BLIND } });
    expect(await speakerOf(blind)).toBe('Mrs. Odile Farrant');
    // What publish-article reads to extract as the base did.
    expect((await blind.call('/admin/live')).body.extraction).toEqual({ speakerWeights: GENDER_BLIND });
    expect((await bundled.call('/admin/live')).body.extraction.speakerWeights).toMatchObject({ distance: 1 });
  });

  it('hides a replaced or deleted article and its quotes from hits, totals, facets and documents', async () => {
    const site = await liveSite();
    const base = sample[0]!;
    const word = 'quintarelloish';
    await site.put(
      story('live-one', `An invented ${word} story.\n\n"The ${word} recipe stays secret," said Alma Ferrow.`),
    );
    expect(ids(await site.search(word))).toContain('live-one');
    expect((await site.search(word, '&type=quote')).total).toBe(1);
    // Replaced: the old text is gone, quotes included; the new one answers.
    const replaced = await site.put(story('live-one', 'A corrected account of the pier at Quelmarsh.'));
    expect(replaced.body.seq).toBe(2);
    expect((await site.search(word)).total).toBe(0);
    expect((await site.search(word, '&type=quote')).total).toBe(0);
    expect(ids(await site.search('quelmarsh'))).toContain('live-one');
    // A base article deleted: gone from browsing totals, its facets and its document route.
    const all = await site.search('', '&type=article&facets=publisher');
    const publisherCount = (a: any) =>
      a.facets.publisher.values.find((v: any) => v.value === base.publisher)?.count ?? 0;
    expect((await site.del(base.id)).status).toBe(200);
    const after = await site.search('', '&type=article&facets=publisher');
    expect(after.total).toBe(all.total - 1);
    expect(publisherCount(after)).toBe(publisherCount(all) - 1);
    expect(ids(after)).not.toContain(base.id);
    expect((await site.call(`/articles/${base.id}`, {}, null)).status).toBe(404);
    const quotesOfBase = await site.search('', '&type=quote');
    expect(quotesOfBase.hits.some((h: any) => h.articleId === base.id)).toBe(false);
    // Deleting the live one too.
    await site.del('live-one');
    expect((await site.search('quelmarsh')).total).toBe(0);
    expect((await site.call('/admin/live')).body).toMatchObject({ seq: 4, pending: 2 });
  });

  it('serves the newest copy across the large and the small update segments, quotes with it', async () => {
    // Two articles in the small segment rebuild the large one (here, before the answer: no waitUntil).
    const site = await liveSite({ LIVE_SMALL_SEGMENT: '2' });
    const base = sample[1]!;
    const quotesOf = async (q: string, id: string) =>
      (await site.search(q, '&type=quote')).hits
        .filter((h: any) => h.articleId === id)
        .map((h: any) => h.text);
    // A base article corrected: the isolate's first state puts it in the large segment.
    await site.put(
      story(base.id, 'The vorrindale ferry runs again.\n\n"Vorrindale waited long enough," said Petra Lusk.'),
    );
    expect(ids(await site.search('vorrindale', '&type=article'))).toEqual([base.id]);
    // Corrected again: the small segment's copy wins over the large one's and the base's.
    await site.put(
      story(base.id, 'The quillmere ferry runs again.\n\n"Quillmere waited long enough," said Petra Lusk.'),
    );
    expect((await site.search('vorrindale')).total).toBe(0);
    expect(await quotesOf('vorrindale', base.id)).toEqual([]);
    expect(await quotesOf('quillmere', base.id)).toEqual(['"Quillmere waited long enough,"']);
    expect(ids(await site.search('quillmere', '&type=article'))).toEqual([base.id]);
    expect((await site.call(`/articles/${base.id}`, {}, null)).body.title).toBe(
      `Invented headline ${base.id}`,
    );
    // Two more updates pass the threshold: the large segment is rebuilt with all three.
    await site.put(story('live-two', 'A story of the brannock weir.'));
    await site.put(story('live-three', 'A story of the brannock lock.'));
    expect((await site.search('brannock')).total).toBe(2);
    expect(ids(await site.search('quillmere', '&type=article'))).toEqual([base.id]);
    // Deleted after: gone from every segment, its quotes with it.
    expect((await site.del(base.id)).status).toBe(200);
    expect((await site.search('quillmere')).total).toBe(0);
    expect((await site.search('vorrindale')).total).toBe(0);
    expect(await quotesOf('', base.id)).toEqual([]);
    expect((await site.call(`/articles/${base.id}`, {}, null)).status).toBe(404);
    expect((await site.search('', '&type=article')).total).toBe(sample.length + 1);
    expect((await site.search('brannock')).total).toBe(2);
  });

  it('says when a compaction is due: past LIVE_COMPACT_PENDING articles', async () => {
    const site = await liveSite({ LIVE_COMPACT_PENDING: '2', LIVE_COMPACT_AGE_SECONDS: '86400' });
    const idle = (await site.call('/admin/live')).body;
    expect(idle).toMatchObject({ pending: 0, oldestAt: null, compaction: { due: false, reasons: [] } });
    expect(idle.compaction.limits).toEqual({ pending: 2, ageSeconds: 86400 });
    const first = await site.put(story('due-one', 'An invented story of the tallowmere bridge.'));
    const one = (await site.call('/admin/live')).body;
    expect(one).toMatchObject({ pending: 1, compaction: { due: false } });
    expect(Date.parse(one.oldestAt)).not.toBeNaN();
    await site.del('due-one');
    expect((await site.call('/admin/live')).body.compaction.due).toBe(false);
    await site.put(story('due-two', 'An invented story of the tallowmere weir.'));
    const two = (await site.call('/admin/live')).body;
    expect(two).toMatchObject({ seq: first.body.seq + 2, pending: 2, compaction: { due: true } });
    expect(two.compaction.reasons).toEqual(['2 articles pending (limit 2)']);
    // Refused without the key, like every admin route.
    expect((await site.call('/admin/live', {}, null)).status).toBe(401);
  });

  it('refuses without the key and refuses bad articles with stable codes', async () => {
    const site = await liveSite();
    expect((await site.send('PUT', '/admin/articles/x-1', story('x-1', 'text'), null)).status).toBe(401);
    const empty = await site.put(story('x-2', '   '));
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('invalid_article');
    expect(empty.body.error.message).toMatch(/body/);
    const mismatch = await site.send('PUT', '/admin/articles/x-3', story('x-4', 'words'));
    expect(mismatch.body.error.code).toBe('invalid_article');
    const badDate = await site.put(story('x-5', 'words', { published: 'yesterday' }));
    expect(badDate.body.error.code).toBe('invalid_article');
    const notJson = await site.call('/admin/articles/x-6', {
      method: 'PUT',
      body: '{',
      headers: { 'Content-Length': '1' },
    });
    expect(notJson.body.error.code).toBe('invalid_article');
    // Nothing was written.
    expect((await site.call('/admin/live')).body.seq).toBe(0);
  });

  it('refuses live updates over the bundled index', async () => {
    const site = await liveSite();
    const res = await site.call('/admin/articles/x-1', { method: 'DELETE' });
    expect(res.status).toBe(200);
    const assets = await liveSite({ INDEX_SOURCE: 'assets' });
    const refused = await assets.call('/admin/articles/x-1', { method: 'DELETE' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('live_unsupported');
  });

  it('ends concurrent updates of one article in the last one acknowledged', async () => {
    const site = await liveSite();
    const words = ['amberly', 'bristow', 'corvane', 'delphin', 'esquel', 'fennick', 'galloway', 'hadrell'];
    const acks = await Promise.all(
      words.map((w) => site.put(story('live-race', `The ${w} edition of one invented story.`))),
    );
    for (const a of acks) expect(a.status).toBe(200);
    const seqs = acks.map((a) => a.body.seq);
    // Each got its own number: none lost, none merged.
    expect(new Set(seqs).size).toBe(words.length);
    const last = words[seqs.indexOf(Math.max(...seqs))]!;
    for (const w of words) {
      const found = ids(await site.search(w, '&type=article'));
      expect(found.includes('live-race'), w).toBe(w === last);
    }
    expect((await site.call('/admin/live')).body).toMatchObject({ seq: words.length, pending: 1 });
  });

  it('keeps an update made during a compaction pending over the new base', async () => {
    const site = await liveSite();
    await site.put(story('live-early', 'An early invented bulletin about the orchard.'));
    // The compaction reads what is pending...
    const snapshot = (await site.call('/admin/live/entries')).body;
    expect(snapshot.entries.map((e: any) => e.id)).toEqual(['live-early']);
    const through = snapshot.head.seq;
    // ...an update lands meanwhile...
    await site.put(story('live-late', 'A late invented bulletin about the vineyard.'));
    // ...the new base is published (here, the same files under a new version name: a real
    // compaction's base holds live-early) and the compaction reports what it folded in.
    await site.publishFrom('test-index', 'v-c0ffee000001');
    const done = await site.send('POST', '/admin/live/compacted', { through });
    expect(done.body).toMatchObject({ dropped: 1, pending: 1 });
    expect(ids(await site.search('vineyard'))).toContain('live-late');
    const status = (await site.call('/admin/live')).body;
    expect(status).toMatchObject({ pending: 1, compactedThrough: through });
  });
});

describe('a compaction stopped between publishing and reporting', () => {
  it('serves each article once: the new base holds it and the pending update hides that copy', async () => {
    const site = await liveSite();
    const early = story('live-orchard', 'An invented bulletin about the Tallowmere orchard.', {
      quotes: [],
      entities: [],
    });
    await site.put(early);
    const through = (await site.call('/admin/live/entries')).body.head.seq;
    // The compaction's new base: the sample articles and the update, built as the build does.
    const entries = [...sample, early].map((article, i) => ({
      seq: i + 1,
      op: 'put' as const,
      id: article.id,
      at: '',
      article: { quotes: [], entities: [], ...article } as LiveArticle,
    }));
    const built = await serializeIndex(updatesCorpus(entries), { sources: [], skipped: 0 });
    for (const [name, bytes] of Object.entries(built.files))
      await env.INDEX_BUCKET.put(
        `${site.prefix}/${built.manifest.version}/${built.manifest.files[name]!.path}`,
        bytes,
      );
    const published = await site.send('POST', '/admin/index/publish', { manifest: built.manifest });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    // Killed here: the Worker was never told. The base and the update both hold the article.
    const twice = await site.search('tallowmere');
    expect(ids(twice)).toEqual(['live-orchard']);
    expect(twice.total).toBe(1);
    expect((await site.call('/admin/live')).body.pending).toBe(1);
    // Run again (or finished): the update is dropped, the base answers alone.
    await site.send('POST', '/admin/live/compacted', { through });
    const once = await site.search('tallowmere');
    expect(ids(once)).toEqual(['live-orchard']);
    expect((await site.call('/admin/live')).body.pending).toBe(0);
  });
});

describe('the live log writer', () => {
  it('loses nothing acknowledged when it dies between the entry and the head', async () => {
    const prefix = `log-${crypto.randomUUID()}`;
    const real = r2Storage(env.INDEX_BUCKET, prefix);
    let failHead = false;
    const storage = {
      ...real,
      write: async (path: string, body: any, options?: any) => {
        if (failHead && path === HEAD) throw new Error('killed before the head');
        return real.write(path, body, options);
      },
    };
    const article = (id: string) => ({
      id,
      body: `Invented body of ${id}.`,
      quotes: [],
      entities: [],
    });
    const w = liveWriter(storage);
    const a = await w.apply({ op: 'put', article: article('a') });
    expect(a.seq).toBe(1);
    failHead = true;
    await expect(w.apply({ op: 'put', article: article('b') })).rejects.toThrow('killed before the head');
    // A new writer (the object restarted) reads the head from R2: 'a' is there, 'b' never was acknowledged.
    failHead = false;
    const restarted = liveWriter(storage);
    expect(Object.keys((await restarted.head()).entries)).toEqual(['a']);
    const c = await restarted.apply({ op: 'put', article: article('c') });
    // The orphan entry's number is reused: numbers stay dense and the head names only acknowledged ones.
    expect(c.seq).toBe(2);
    const head = await restarted.head();
    expect(head.entries).toMatchObject({ a: { seq: 1, op: 'put' }, c: { seq: 2, op: 'put' } });
    expect(Object.keys(head.entries).sort()).toEqual(['a', 'c']);
    const stored = JSON.parse(await (await env.INDEX_BUCKET.get(`${prefix}/live/entries/2.json`))!.text());
    expect(stored.id).toBe('c');
    // The same writer recovers too: after a failure it re-reads the head.
    failHead = true;
    await expect(restarted.apply({ op: 'delete', id: 'a' })).rejects.toThrow();
    failHead = false;
    expect((await restarted.apply({ op: 'delete', id: 'a' })).seq).toBe(3);
  });
});
