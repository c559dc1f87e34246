/**
 * The entity-quality reports of `npm run eval:entities`: on a built index, on `npm run extract`
 * output, on PolNeAR run through the pipeline here (with speaker ids against its gold quotes and
 * extract's ids checked against the index's), and on a Reuters-21578 split (places and people
 * against the gold tags). Each prints markdown tables, or returns JSON.
 */

import type { Entity } from '../../../src/model/documents.js';
import { type GoldQuote, readNdjson } from '../../eval-quotes.js';
import { type AboutFit, type FitDoc, fitAbout, goldSets } from './about-fit.js';
import { contaminationOf, wrongKinds } from './contamination.js';
import { type RawRecord, readRecords, runCorpus } from './corpus-run.js';
import { type EvalEntity, type Fragmentation, fragmentation } from './fragmentation.js';
import { type Predicted, scoreReuters } from './reuters.js';
import { isoCodesFor } from './reuters-codes.js';
import { fromEntities, fromLines, idMismatches, indexAbout, indexEntities, readLines } from './sources.js';
import { speakerScores } from './speakers.js';

const f3 = (x: number) => x.toFixed(3);

export interface QualityReport {
  fragmentation: Fragmentation;
  contamination: ReturnType<typeof contaminationOf>;
  wrongKinds: ReturnType<typeof wrongKinds>;
}

export function quality(entities: EvalEntity[]): QualityReport {
  return {
    fragmentation: fragmentation(entities),
    contamination: contaminationOf(entities, ['person', 'organization']),
    wrongKinds: wrongKinds(entities),
  };
}

export function printQuality(title: string, r: QualityReport): void {
  const { fragmentation: fr, contamination: c, wrongKinds: w } = r;
  console.log(`\n## ${title}\n`);
  console.log(
    `Fragmentation: ${f3(fr.share)} of the target people's mentions on their own entity (${fr.canonicalMentions} on, ${fr.fragmentMentions} on fragments); wrong merges (distinct people on the target's entity): ${fr.wrongMerges}\n`,
  );
  console.log(
    '| surname | canonical entity | mentions | on fragments | share | largest fragments | wrong merges |',
  );
  console.log('|---|---|---:|---:|---:|---|---|');
  for (const p of fr.people) {
    const frags = p.fragments.map((x) => `${x.name} (${x.kind[0]}, ${x.mentions})`).join('; ');
    console.log(
      `| ${p.surname} | ${p.canonical?.name ?? '—'} | ${p.canonical?.mentions ?? 0} | ${p.fragmentMentions} | ${f3(p.share)} | ${frags} | ${p.wrongMerges ? `${p.wrongMerges}: ${p.wrongForms.join('; ')}` : ''} |`,
    );
  }
  console.log(
    `\nContaminated names: ${c.contaminated} of ${c.checked} person and organization entities (${(100 * c.share).toFixed(2)}%); contractions and function words as entities: ${c.nonNames}`,
  );
  for (const x of c.examples.slice(0, 15)) console.log(`- ${x.name} (${x.kind}, ${x.mentions}): ${x.why}`);
  console.log(`\nWrong kinds: ${w.targetsAsOther} mentions of a target surname on a place or organization`);
  for (const x of w.targetsAsOtherExamples) console.log(`- ${x.name} (${x.kind}, ${x.mentions})`);
  console.log(`People named with a common word last (events, laws read as people): ${w.commonWordPeople}`);
  console.log(w.commonWordPeopleExamples.map((x) => `${x.name} (${x.mentions})`).join('; '));
}

export function indexReport(dir: string): QualityReport {
  return quality(fromEntities(indexEntities(dir)));
}

function bodiesOf(articlesPath: string): Map<string, string> {
  return new Map(readRecords(articlesPath).map((r) => [r.id, r.body]));
}

export function extractReport(linesPath: string, articlesPath: string): QualityReport {
  return quality(fromLines(readLines(linesPath), bodiesOf(articlesPath)));
}

/**
 * Resolved one-word mentions on a target's canonical entity, for reading by hand: the written
 * word in its sentence, every `every`-th one.
 */
export function bareSample(linesPath: string, articlesPath: string, every: number): string[] {
  const lines = readLines(linesPath);
  const bodies = bodiesOf(articlesPath);
  const frag = fragmentation(fromLines(lines, bodies));
  const canonical = new Map(
    frag.people.flatMap((p) => (p.canonical ? [[p.canonical.id, p.surname] as const] : [])),
  );
  const out: string[] = [];
  let k = 0;
  for (const line of lines) {
    const body = bodies.get(line.id) ?? '';
    const written = new Set<string>();
    for (const e of line.entities)
      for (const [s, t] of e.mentions) if (/\s/.test(body.slice(s, t))) written.add(e.id);
    for (const e of line.entities) {
      if (!canonical.has(e.id) || written.has(e.id)) continue;
      // Articles that never write the full name: the archive's referent decided.
      for (const [s, t] of e.mentions) {
        if (k++ % every !== 0) continue;
        out.push(
          `${line.id}: …${body.slice(Math.max(0, s - 100), s)}[[${body.slice(s, t)}]]${body.slice(t, t + 60)}… → ${e.id}`,
        );
      }
    }
  }
  return out;
}

export interface PolnearReport {
  index: QualityReport;
  extract: QualityReport;
  idMismatches: number;
  idMismatchExamples: ReturnType<typeof idMismatches>;
  speakers: ReturnType<typeof speakerScores> | null;
  seconds: number;
}

export async function polnearReport(
  articlesPath: string,
  goldPath: string | undefined,
  splits: string[],
): Promise<PolnearReport> {
  const records = readRecords(articlesPath);
  const { corpus, lines, seconds } = await runCorpus(records);
  const bodies = new Map(records.map((r) => [r.id, r.body]));
  const index = quality(fromEntities(corpus.entities));
  const extract = quality(fromLines(lines, bodies));
  const mismatches = idMismatches(lines, corpus.entities);
  let speakers = null;
  if (goldPath) {
    const wanted = new Set(records.filter((r) => splits.includes(String(r.split))).map((r) => r.id));
    const gold = readNdjson<GoldQuote>(goldPath).filter((g) => wanted.has(g.article_id));
    const predicted = lines.flatMap((l) =>
      wanted.has(l.id) ? l.quotes.map((q) => ({ ...q, articleId: l.id })) : [],
    );
    speakers = speakerScores(
      new Map([...bodies].filter(([id]) => wanted.has(id))),
      gold,
      predicted,
      index.fragmentation,
    );
  }
  return {
    index,
    extract,
    idMismatches: mismatches.length,
    idMismatchExamples: mismatches.slice(0, 5),
    speakers,
    seconds,
  };
}

export function printPolnear(r: PolnearReport): void {
  printQuality('Index (corpus entities)', r.index);
  printQuality('npm run extract output (entities by id)', r.extract);
  console.log(`\nArticles whose extract ids differ from the index's: ${r.idMismatches}`);
  for (const m of r.idMismatchExamples)
    console.log(`- ${m.id}: extract only ${m.onlyExtract.join(', ')}; index only ${m.onlyIndex.join(', ')}`);
  if (r.speakers) {
    const s = r.speakers;
    console.log(
      `\nSpeaker ids: ${s.onCanonical} of ${s.quotes} quotes of target people carry the person's one id (${f3(s.share)})`,
    );
    console.log(s.byPerson.map((p) => `${p.surname} ${p.onCanonical}/${p.quotes}`).join('; '));
    for (const m of s.misses.slice(0, 20))
      console.log(`- ${m.articleId}: gold "${m.gold}", predicted "${m.predicted}" → ${m.speakerId}`);
  }
  console.log(`\nPipeline time: ${r.seconds.toFixed(1)} s`);
}

/** A place entity's country code: the one it carries, else its name read as a country's (older indexes). */
function countryCode(e: Entity): string | null {
  if (e.country) return e.country.code;
  const slug = e.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const named: Record<string, string> = {
    'united-states': 'usa',
    'united-kingdom': 'uk',
    'soviet-union': 'ussr',
  };
  return isoCodesFor(named[slug] ?? slug)?.[0] ?? null;
}

export interface ReutersReport extends ReturnType<typeof scoreReuters> {
  /** The same documents scored on every place they name, not only those they are about. */
  mentioned: ReturnType<typeof scoreReuters>['places'];
  /** With --fit-about: the cross-validated choice of about.ts's two numbers. */
  fit: AboutFit | null;
  seconds: number;
}

export async function reutersReport(
  articlesPath: string,
  split: string,
  every: number,
  indexDir?: string,
  fit = false,
): Promise<ReutersReport> {
  const records = readRecords(articlesPath).filter((r) => r.split === split);
  const chosen: RawRecord[] = records.filter((_, i) => i % every === 0);
  const t0 = performance.now();
  const run = indexDir ? null : await runCorpus(chosen);
  const entities = run ? run.corpus.entities : indexEntities(indexDir!);
  const seconds = (performance.now() - t0) / 1000;
  const byId = new Map(entities.map((e) => [e.id, e]));
  const about = new Map<string, Predicted>();
  const mentioned = new Map<string, Predicted>();
  const get = (m: Map<string, Predicted>, id: string) => {
    let p = m.get(id);
    if (!p) m.set(id, (p = { countries: new Set(), people: [] }));
    return p;
  };
  for (const e of entities) {
    for (const a of e.articleIds) {
      if (e.kind === 'place') {
        const code = countryCode(e);
        if (code) get(mentioned, a).countries.add(code);
      } else if (e.kind === 'person') {
        get(mentioned, a).people.push(e.name, ...e.aliases);
        get(about, a).people.push(e.name, ...e.aliases);
      }
    }
  }
  const abouts: Array<[string, string[]]> = run
    ? run.corpus.articles.map((a) => [a.id, a.about ?? []])
    : [...indexAbout(indexDir!)];
  for (const [articleId, ids] of abouts) {
    for (const id of ids) {
      const e = byId.get(id);
      const code = e ? countryCode(e) : null;
      if (code) get(about, articleId).countries.add(code);
    }
  }
  const gold = chosen.map((r) => ({
    id: r.id,
    places: (r.places as string[]) ?? [],
    people: (r.people as string[]) ?? [],
  }));
  let fitted: AboutFit | null = null;
  if (fit && run) {
    const goldOf = new Map(gold.map((g) => [g.id, g.places]));
    const docs: FitDoc[] = run.items
      .filter((i) => (goldOf.get(i.article.id) ?? []).length > 0)
      .map((i) => ({
        id: i.article.id,
        entities: i.extraction.entities,
        bodyLength: i.article.body.length,
        gold: goldSets(goldOf.get(i.article.id)!),
      }));
    fitted = fitAbout(docs);
  }
  const scores = scoreReuters(gold, about);
  return {
    ...scores,
    mentioned: scoreReuters(gold, mentioned).places,
    fit: fitted,
    seconds,
  };
}

export function printReuters(split: string, s: ReutersReport, errors: number): void {
  console.log(
    `\n## Reuters-21578 ${split}: ${s.documents} documents with gold places (${s.seconds.toFixed(1)} s)\n`,
  );
  console.log('| | gold | found | predicted | correct | recall | precision |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  const p = s.places;
  console.log(
    `| places | ${p.gold} | ${p.found} | ${p.predicted} | ${p.correct} | ${f3(p.recall)} | ${f3(p.precision)} |`,
  );
  console.log(`| people | ${s.people.gold} | ${s.people.found} | | | ${f3(s.people.recall)} | |`);
  const m = s.mentioned;
  console.log(
    `\nPlaces above: those each article is about (\`about\`). Every place named: recall ${f3(m.recall)}, precision ${f3(m.precision)} (${m.correct} of ${m.predicted}).`,
  );
  if (s.fit) {
    console.log(
      '\nabout.ts numbers, 5-fold cross-validation on this split (chosen on 4 folds, scored on the 5th):\n',
    );
    console.log('| fold | score | lead bonus | recall | precision |');
    console.log('|---|---:|---:|---:|---:|');
    for (const [i, f] of s.fit.folds.entries())
      console.log(`| ${i + 1} | ${f.score} | ${f.bonus} | ${f3(f.recall)} | ${f3(f.precision)} |`);
    console.log(`| mean | | | ${f3(s.fit.mean.recall)} | ${f3(s.fit.mean.precision)} |`);
    const c = s.fit.chosen;
    console.log(
      `\nChosen on the whole split: score ${c.score}, lead bonus ${c.bonus} (recall ${f3(c.recall)}, precision ${f3(c.precision)})`,
    );
  }
  if (s.unknownCodes.length) console.log(`\nCodes the table does not know: ${s.unknownCodes.join(', ')}`);
  if (errors > 0) {
    const step = Math.max(1, Math.floor(s.placeErrors.length / errors));
    console.log('\nPlace errors (sample):');
    for (let k = 0; k < s.placeErrors.length; k += step) {
      const e = s.placeErrors[k]!;
      console.log(`- ${e.id}: missed ${e.missed.join(',') || '-'}; extra ${e.extra.join(',') || '-'}`);
    }
    console.log('\nPeople missed:');
    for (const m of s.peopleMissed.slice(0, errors))
      console.log(`- ${m.id}: ${m.code} (found: ${m.people.slice(0, 8).join('; ')})`);
  }
}
