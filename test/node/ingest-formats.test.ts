/**
 * Every input reader (JSON, Markdown, HTML, plain text) and ingestion over folders, in one file: the
 * readers share one contract (records, `file:line` errors, what is skipped), and the cases sit side by
 * side so that a convention added to one reader (a dateline, front matter, a byline) is checked
 * against the others'.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/build/build.js';
import { loadIndex } from '../../src/index/load.js';
import { ingest, READERS } from '../../src/ingest/ingest.js';
import type { IngestResult } from '../../src/ingest/types.js';
import { articleById } from '../../src/search/lookup.js';
import { fsSource } from '../../src/store/drivers/fs.js';

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'nrs-formats-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

const where = (r: IngestResult) => r.issues.map((i) => `${i.file.split('/').pop()}:${i.line}`);
const byId = (r: IngestResult) => Object.fromEntries(r.records.map((rec) => [rec.input.id, rec]));

describe('JSON reader', () => {
  it('reads an array, reporting each bad element at the line where it starts', async () => {
    const json = [
      '[',
      '  {"id": "j1", "title": "Pier [east], {west}", "body": "A \\"quoted\\" ] and } inside."},',
      '  {"id": "j2", "title": "No body"},',
      '  42,',
      '  {',
      '    "id": "j3",',
      '    "body": "The ferry\\nleft late.",',
      '    "published": "2026-13-40"',
      '  },',
      '  {"id": "j4", "body": "Last one."}',
      ']',
    ].join('\n');
    const dir = await folder({ 'articles.json': json });
    const result = await ingest([join(dir, 'articles.json')]);
    expect(Object.keys(byId(result))).toEqual(['j1', 'j4']);
    expect(byId(result).j1).toMatchObject({
      line: 2,
      input: { title: 'Pier [east], {west}', body: 'A "quoted" ] and } inside.' },
    });
    expect(byId(result).j4?.line).toBe(10);
    expect(where(result)).toEqual(['articles.json:3', 'articles.json:4', 'articles.json:5']);
    expect(result.issues.map((i) => i.reason)).toEqual([
      expect.stringMatching(/^body:/),
      expect.stringMatching(/^record:/),
      expect.stringMatching(/^published:/),
    ]);
    expect(result.read).toBe(5);
  });

  it('reads a single object', async () => {
    const dir = await folder({ 'one.json': '\n\n{\n  "id": "solo",\n  "body": "Only story."\n}\n' });
    const result = await ingest([dir]);
    expect(result.records).toMatchObject([{ line: 3, input: { id: 'solo', body: 'Only story.' } }]);
  });

  it.each([
    [
      'a missing value',
      '[\n  {"id": "a", "body": "ok"},\n  {"id": "b", "title": }\n]',
      3,
      /Unexpected token/,
    ],
    [
      'a missing comma',
      '[\n  {"id": "a", "body": "ok"}\n  {"id": "b", "body": "ok"}\n]',
      3,
      /Expected ',' or ']'/,
    ],
    ['an unterminated string', '[\n  {"id": "a",\n   "body": "cut off\n]', 3, /JSON/],
    ['an empty file', '', 1, /end of JSON input/],
  ])('reports %s as one issue at the line of the syntax error', async (_, text, line, reason) => {
    const dir = await folder({ 'broken.json': text });
    const result = await ingest([dir]);
    expect(result.records).toEqual([]);
    expect(result.issues).toEqual([
      { file: join(dir, 'broken.json'), line, reason: expect.stringMatching(reason) },
    ]);
    expect(result.issues[0]!.reason).toMatch(/^invalid JSON \(/);
    expect(result.read).toBe(1);
  });

  it('reports a top level that is neither an array nor an object', async () => {
    const dir = await folder({ 'str.json': '"just a string"' });
    expect((await ingest([dir])).issues).toMatchObject([
      { line: 1, reason: expect.stringMatching(/array of article objects/) },
    ]);
  });
});

describe('very many bad records', () => {
  it('reports every one of 200,000 bad lines without overflowing the stack', async () => {
    const dir = await folder({ 'junk.ndjson': 'not json\n'.repeat(200_000) });
    const result = await ingest([dir]);
    expect(result.issues).toHaveLength(200_000);
    expect(result.records).toEqual([]);
  });
});

describe('Markdown reader', () => {
  const good = [
    '---',
    'title: Harbor vote delayed',
    'author: Lena Ortiz and Sam Reyes',
    'published: 2026-10-02',
    'tags: [council, harbor]',
    'description: The council waits until spring.',
    'url: https://example.org/harbor',
    '---',
    '## Background',
    '',
    'The **council** delayed the [harbor bridge](https://example.org/bridge) vote',
    'until _spring_. ![A photo](photo.jpg)',
    '',
    '- First `item`',
    '- Second item',
    '  - a nested item',
    '',
    '> A quoted paragraph.',
    '',
    '| Ward | Votes |',
    '|------|-------|',
    '| East | 12    |',
    '',
    '<div><p>Raw HTML paragraph &amp; more</p></div>',
    '',
    'Line one\\',
    'line two.',
  ].join('\n');

  it('reads front matter and reduces the Markdown to paragraphs of text', async () => {
    const dir = await folder({ 'harbor.md': good });
    const result = await ingest([dir]);
    expect(result.issues).toEqual([]);
    expect(result.records).toEqual([
      {
        file: join(dir, 'harbor.md'),
        line: 1,
        input: {
          id: 'harbor',
          title: 'Harbor vote delayed',
          subtitle: 'The council waits until spring.',
          author: 'Lena Ortiz and Sam Reyes',
          published: '2026-10-02',
          url: 'https://example.org/harbor',
          tags: ['council', 'harbor'],
          body: [
            'Background',
            'The council delayed the harbor bridge vote until spring.',
            'First item',
            'Second item',
            'a nested item',
            'A quoted paragraph.',
            'Ward | Votes',
            'East | 12',
            'Raw HTML paragraph & more',
            'Line one',
            'line two.',
          ].join('\n\n'),
        },
      },
    ]);
  });

  it('takes the id from the file name and the title from a leading heading when they are missing', async () => {
    const dir = await folder({
      'Pier Fire Report.markdown': '---\nauthor: Ida Holm\n---\n# Pier fire out\n\nCrews worked all night.\n',
    });
    const [rec] = (await ingest([dir])).records;
    expect(rec?.input).toMatchObject({
      id: 'pier-fire-report',
      title: 'Pier fire out',
      body: 'Crews worked all night.',
    });
  });

  it('reports bad front matter and bad fields at their line, and keeps the other files', async () => {
    const dir = await folder({
      'a-good.md': good,
      'b-yaml.md': '---\ntitle: Fine\nauthor: [unclosed\nsection: x\n---\nBody.\n',
      'c-date.md': '---\npublished: 2026-13-40\n---\nBody.\n',
      'd-empty.md': '---\ntitle: Nothing below\n---\n\n![only an image](x.png)\n',
    });
    const result = await ingest([dir]);
    expect(result.records.map((r) => r.input.id)).toEqual(['a-good']);
    expect(where(result)).toEqual(['b-yaml.md:4', 'c-date.md:1', 'd-empty.md:1']);
    expect(result.issues[0]!.reason).toMatch(/^invalid front matter/);
    expect(result.issues[1]!.reason).toMatch(/^published:/);
    expect(result.issues[2]!.reason).toMatch(/^body:/);
    expect(result.read).toBe(4);
  });
});

describe('HTML reader', () => {
  const page = `<!doctype html>
<html><head>
<title>Ferry strike ends | Test Gazette</title>
<meta property="og:title" content="Ferry strike ends at last">
<meta name="author" content="Ida Holm">
<meta property="article:published_time" content="2026-10-03T08:00:00Z">
<meta property="og:url" content="https://example.org/ferry">
<meta property="article:section" content="transport">
<meta property="article:tag" content="ferry"><meta property="article:tag" content="strike">
<meta name="description" content="Crews are back at work.">
<meta property="og:site_name" content="Test Gazette">
<script>document.write("<p>not text</p>")</script><style>p { color: red }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<header>Test Gazette masthead</header>
<article>
  <header><h1>Ferry strike ends</h1><p class="byline">By Ida Holm</p></header>
  <p>Ferry crews went back to work after a two-day strike,
     the union&rsquo;s chief said &amp; &#8220;thanked&#8221; riders.</p>
  <figure><img src="ferry.jpg" alt="A ferry"><figcaption>The ferry at dawn.</figcaption></figure>
  <p>First line<br>second line</p>
  <ul><li>Fares stay the same</li><li>Service <b>resumes</b> Monday</li></ul>
  <blockquote>We are glad it is over.</blockquote>
  <aside>Related: bridge vote</aside>
  <h2>What comes next</h2>
  <p>Talks on pay resume in spring.</p>
</article>
<footer>Contact us</footer>
</body></html>`;

  it('reads metadata and reduces the article markup to paragraphs of text', async () => {
    const dir = await folder({ 'ferry.html': page });
    const result = await ingest([dir]);
    expect(result.issues).toEqual([]);
    expect(result.records).toEqual([
      {
        file: join(dir, 'ferry.html'),
        line: 1,
        input: {
          id: 'ferry',
          title: 'Ferry strike ends',
          subtitle: 'Crews are back at work.',
          author: 'Ida Holm',
          publisher: 'Test Gazette',
          published: '2026-10-03T08:00:00Z',
          url: 'https://example.org/ferry',
          section: 'transport',
          tags: ['ferry', 'strike'],
          body: [
            'Ferry crews went back to work after a two-day strike, the union’s chief said & “thanked” riders.',
            'First line',
            'second line',
            'Fares stay the same',
            'Service resumes Monday',
            'We are glad it is over.',
            'What comes next',
            'Talks on pay resume in spring.',
          ].join('\n\n'),
        },
      },
    ]);
  });

  it('falls back to <title> and the body when there is no <h1> or <article>', async () => {
    const dir = await folder({
      'Night Market.htm':
        '<html><head><title>Night market reopens</title></head><body><div>Stalls&nbsp;are back.</div><p>Crowds came.</body></html>',
    });
    const [rec] = (await ingest([dir])).records;
    expect(rec?.input).toMatchObject({
      id: 'night-market',
      title: 'Night market reopens',
      body: 'Stalls are back.\n\nCrowds came.',
    });
  });

  it('reads the byline dateline (class "dateline") into the dateline field, out of the body', async () => {
    const dir = await folder({
      'harbour.html':
        '<html><body><article><h1>Harbour closes</h1><p class="byline">By Ida Holm</p>' +
        '<p class="dateline">KELMARSH, Norway, March 3 —</p><p>The harbour closed at noon.</p></article></body></html>',
      'pier.html':
        '<html><body><article><h1>Pier reopens</h1><p><span class="story-dateline dateline">VELTRANO, May 9 -</span> ' +
        'The pier reopened.</p></article></body></html>',
      'quay.html':
        '<html><head><meta name="dateline" content="EASTWICK"></head><body><p>The quay is busy.</p></body></html>',
    });
    const byFile = byId(await ingest([dir]));
    expect(byFile.harbour!.input).toMatchObject({
      dateline: 'KELMARSH, Norway, March 3',
      body: 'By Ida Holm\n\nThe harbour closed at noon.',
    });
    expect(byFile.pier!.input).toMatchObject({ dateline: 'VELTRANO, May 9', body: 'The pier reopened.' });
    expect(byFile.quay!.input).toMatchObject({ dateline: 'EASTWICK' });
  });

  it('reports pages without text or with bad metadata, and keeps the other files', async () => {
    const dir = await folder({
      'a.html': page,
      'b.html':
        '<html><head><title>Empty</title></head><body><nav>Menu</nav><script>x()</script></body></html>',
      'c.html':
        '<html><head><meta property="article:published_time" content="yesterday"></head><body><p>Text.</p></body></html>',
    });
    const result = await ingest([dir]);
    expect(result.records.map((r) => r.input.id)).toEqual(['a']);
    expect(where(result)).toEqual(['b.html:1', 'c.html:1']);
    expect(result.issues.map((i) => i.reason)).toEqual([
      expect.stringMatching(/^body:/),
      expect.stringMatching(/^published:/),
    ]);
  });
});

describe('plain text reader', () => {
  it('takes the headline from the first line and joins wrapped lines within paragraphs', async () => {
    const dir = await folder({
      'Ferry Talks.txt':
        '\r\n\r\nFerry talks resume \r\n\r\nNegotiators returned\r\nto the table.\r\n\r\n\r\nThe mayor stayed away.\r\n',
    });
    const result = await ingest([dir]);
    expect(result.records).toEqual([
      {
        file: join(dir, 'Ferry Talks.txt'),
        line: 3,
        input: {
          id: 'ferry-talks',
          title: 'Ferry talks resume',
          body: 'Negotiators returned to the table.\n\nThe mayor stayed away.',
        },
      },
    ]);
  });

  it('reports a file with a headline only, and keeps the other files', async () => {
    const dir = await folder({
      'a.txt': 'Headline\n\nBody text.',
      'b.txt': 'Only a headline\n',
      'c.txt': '',
    });
    const result = await ingest([dir]);
    expect(result.records.map((r) => r.input.id)).toEqual(['a']);
    expect(where(result)).toEqual(['b.txt:1', 'c.txt:1']);
    expect(result.issues.every((i) => i.reason.startsWith('body:'))).toBe(true);
  });
});

describe('ingest over folders', () => {
  it('reads a folder of mixed formats, counting every record and skipping only the bad ones', async () => {
    const dir = await folder({
      'wire.ndjson': '{"id": "n1", "body": "From NDJSON."}\n{"id": "n2"}\n',
      'batch.json': '[{"id": "j1", "body": "From JSON."}]',
      'notes/story.md': '---\nid: m1\n---\nFrom *Markdown*.\n',
      'notes/deep/page.html': '<title>Page</title><p>From HTML.</p>',
      'plain.txt': 'Headline\n\nFrom text.',
      'readme.csv': 'id,body\nx,y\n',
      '.hidden.json': '[{"id": "h1", "body": "Hidden."}]',
    });
    const result = await ingest([dir]);
    expect(result.files.map((f) => f.slice(dir.length + 1))).toEqual([
      'batch.json',
      'notes/deep/page.html',
      'notes/story.md',
      'plain.txt',
      'wire.ndjson',
    ]);
    expect(result.records.map((r) => r.input.id).sort()).toEqual(['j1', 'm1', 'n1', 'page', 'plain']);
    expect(where(result)).toEqual(['wire.ndjson:2']);
    expect(result.read).toBe(6);
  });

  it('reports a file of an unsupported type given by name', async () => {
    const dir = await folder({ 'table.csv': 'id,body\n', 'a.txt': 'Headline\n\nBody.' });
    const result = await ingest([join(dir, 'table.csv'), join(dir, 'a.txt')]);
    expect(result.issues).toEqual([
      { file: join(dir, 'table.csv'), line: 0, reason: 'unsupported file type ".csv"' },
    ]);
    expect(result.records.map((r) => r.input.id)).toEqual(['a']);
  });

  it('loads each reader for the extensions it declares (Markdown and HTML only when a file needs them)', async () => {
    const loaded = await Promise.all(READERS.map((entry) => entry.load()));
    READERS.forEach((entry, i) => {
      expect(entry.extensions).toEqual(loaded[i]!.extensions);
    });
  });

  it('finds nothing in an empty folder', async () => {
    const dir = await folder({});
    expect(await ingest([dir])).toEqual({ files: [], read: 0, records: [], issues: [], warnings: [] });
  });

  it('warns when two files give the same id, keeping the one read last', async () => {
    const dir = await folder({ 'a/vote.txt': 'First\n\nOld.', 'b/vote.md': '# Second\n\nNew.' });
    const result = await ingest([dir]);
    expect(result.records).toMatchObject([{ input: { id: 'vote', title: 'Second' } }]);
    expect(result.warnings).toEqual([
      {
        file: join(dir, 'b/vote.md'),
        line: 1,
        reason: `duplicate id "vote" replaces the record at ${join(dir, 'a/vote.txt')}:1`,
      },
    ]);
  });

  it('builds an index whose articles are normalized', async () => {
    const dir = await folder({
      'story.txt': 'Vote in GuantÃ¡namo\n\nThe  council\u200b met.\n\n\n\nIt   voted.',
      'page.html': '<h1>Caf\u0065\u0301 closes</h1><p>Last  orders  at  nine.</p>',
    });
    await buildIndex({ inputs: [dir], outDir: join(dir, 'out') });
    const index = await loadIndex(fsSource(join(dir, 'out')));
    expect(articleById(index, 'story')).toMatchObject({
      title: 'Vote in Guantánamo',
      body: 'The council met.\n\nIt voted.',
    });
    expect(articleById(index, 'page')).toMatchObject({ title: 'Café closes', body: 'Last orders at nine.' });
  });
});
