import { describe, expect, it } from 'vitest';
import { sourceNames } from '../../src/build/source-names.js';
import { publicSource } from '../../src/index/manifest.js';

describe('source names in the manifest', () => {
  it('are relative to the working folder, or named from their input outside it', () => {
    const cwd = '/home/editor/newsroom';
    expect(
      sourceNames(
        ['articles', '/srv/archive', '/tmp/one.ndjson', '../sibling/feed'],
        [
          '/home/editor/newsroom/articles/2016/a.ndjson',
          'articles/b.md',
          '/srv/archive/2017/c.ndjson',
          '/tmp/one.ndjson',
          '/home/editor/sibling/feed/d.json',
        ],
        cwd,
      ),
    ).toEqual([
      'articles/2016/a.ndjson',
      'articles/b.md',
      'archive/2017/c.ndjson',
      'one.ndjson',
      'feed/d.json',
    ]);
  });

  it('never show an absolute path, even from an older manifest', () => {
    expect(publicSource('/home/editor/articles.ndjson')).toBe('articles.ndjson');
    expect(publicSource('C:\\Users\\editor\\articles.ndjson')).toBe('articles.ndjson');
    expect(publicSource('\\\\server\\share\\a.ndjson')).toBe('a.ndjson');
    expect(publicSource('index-data/articles/sample.ndjson')).toBe('index-data/articles/sample.ndjson');
  });
});
