// Problems are reported by sheet row, make the exit status non-zero, and leave nothing half-written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, writeFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { buildFeed, cli, png, project, report, CSV_HEADER } from './helpers.mjs';

/** Every file under `dir` with its size and mtime: "nothing changed" is this being equal. */
async function snapshot(dir) {
  const out = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath ?? entry.path, entry.name);
    const s = await stat(path);
    out[path.slice(dir.length)] = entry.isFile() ? `${s.size}@${s.mtimeMs}` : 'dir';
  }
  return out;
}

test('every problem is reported with its sheet row, on stderr and in the --json report; exit 1; nothing written', async (t) => {
  const good = await png(600, 400);
  const dir = await project(t, {
    'ok.png': good,
    'also-ok.png': await png(600, 400, '#e76f51'),
    'broken.jpg': Buffer.from('this is not a JPEG at all'),
    'forgotten.png': await png(100, 100),
  });
  await writeFile(
    join(dir, 'captions.csv'),
    [
      `${CSV_HEADER},notes`,
      'ok.png,#NotWithThem because fine,Ana,,,,,,ana,,a note', // row 2: fine
      'missing.png,#NotWithThem because lost,Bea', // row 3: photo not found
      'also-ok.png,,Carla', // row 4: no quote
      '"broken.jpg","#NotWithThem because\nbroken",Dora', // row 5 (two lines in the file): unreadable
      'ok.png,#NotWithThem because twice,Eva,,,,,,ana', // row 6: duplicate id of row 2
      ',#NotWithThem because no file,Fer', // row 7: no file
      'ok.png,#NotWithThem,Gabi,,,,,,,javascript:alert(1)', // row 8: bad url
      'OK.PNG,#NotWithThem,Hana', // row 9: wrong case
    ].join('\n') + '\n',
  );
  const result = await buildFeed(dir, '--json');
  assert.equal(result.code, 1);
  const { ok, problems, feed } = report(result);
  assert.equal(ok, false);
  assert.equal(feed, null);
  const found = problems.map((p) => [p.row ?? null, p.code]);
  assert.deepEqual(found, [
    [1, 'unknown-column'],
    [3, 'photo-missing'],
    [4, 'missing-quote'],
    [5, 'photo-unreadable'],
    [6, 'duplicate-id'],
    [7, 'missing-file'],
    [8, 'invalid-value'],
    [9, 'photo-missing'],
    [null, 'photo-unlisted'],
  ]);
  assert.equal(problems.at(-1).file, 'forgotten.png');
  assert.match(problems.find((p) => p.row === 9).message, /did you mean ok\.png\?/);
  assert.equal(problems[0].severity, 'warning');
  // The same problems, readable, on stderr.
  for (const row of [3, 4, 5, 6, 7, 8, 9])
    assert.match(result.stderr, new RegExp(`captions\\.csv row ${row}: `));
  assert.match(result.stderr, /warning: \S*captions\.csv row 1: unknown column "notes"/);
  assert.match(
    result.stderr,
    /error: forgotten\.png: this photo is in the photos folder but no row of the sheet mentions it/,
  );
  assert.match(result.stderr, /nothing was written/);
  // Nothing half-written: no output folder at all.
  await assert.rejects(stat(join(dir, 'site')), { code: 'ENOENT' });
  assert.deepEqual(await readFile(join(dir, 'photos/ok.png')), good);
});

test('a failing run leaves a previous feed and its renditions exactly as they were, and no temp folder', async (t) => {
  const dir = await project(t, { 'a.png': await png(1000, 800) });
  await writeFile(join(dir, 'captions.csv'), `${CSV_HEADER}\na.png,#NotWithThem because first\n`);
  assert.equal((await buildFeed(dir)).code, 0);
  const before = await snapshot(join(dir, 'site'));
  const feedBefore = await readFile(join(dir, 'site/testimonials.json'), 'utf8');

  // A new photo that decodes fine in its header but is truncated, listed after a good, changed one.
  const big = await png(1600, 1200, '#123456');
  await writeFile(join(dir, 'photos/a.png'), await png(1000, 800, '#abcdef'));
  await writeFile(join(dir, 'photos/cut.png'), big.subarray(0, Math.floor(big.length / 2)));
  await writeFile(
    join(dir, 'captions.csv'),
    `${CSV_HEADER}\na.png,#NotWithThem because changed\ncut.png,#NotWithThem because cut\n`,
  );
  const result = await buildFeed(dir, '--json');
  assert.equal(result.code, 1, result.stdout);
  assert.deepEqual(
    report(result).problems.map((p) => [p.row, p.code]),
    [[3, 'photo-unreadable']],
  );
  assert.deepEqual(await snapshot(join(dir, 'site')), before, 'output folder unchanged');
  assert.equal(await readFile(join(dir, 'site/testimonials.json'), 'utf8'), feedBefore);
});

test('an empty sheet, a missing sheet, a missing photos folder are problems too', async (t) => {
  const dir = await project(t, {});
  await writeFile(join(dir, 'captions.csv'), `${CSV_HEADER}\n`);
  let result = await buildFeed(dir);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /no testimonials/);
  result = await cli([
    'build-feed',
    join(dir, 'photos'),
    '--captions',
    join(dir, 'nope.csv'),
    '--out',
    join(dir, 'site'),
  ]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /cannot read the sheet/);
  result = await cli([
    'build-feed',
    join(dir, 'nowhere'),
    '--captions',
    join(dir, 'captions.csv'),
    '--out',
    join(dir, 'site'),
  ]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /photos folder .* does not exist/);
  await assert.rejects(stat(join(dir, 'site')), { code: 'ENOENT' });
  // Renditions go to <out>/photos: that cannot be where the originals are.
  result = await cli([
    'build-feed',
    join(dir, 'photos'),
    '--captions',
    join(dir, 'captions.csv'),
    '--out',
    dir,
  ]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /the photos folder cannot be .*photos: the renditions are written there/);
});

test('command line: --help, unknown options and missing arguments', async () => {
  let result = await cli(['build-feed', '--help']);
  assert.equal(result.code, 0);
  assert.match(
    result.stdout,
    /Usage: notwiththem-gallery build-feed <photos folder> --captions <sheet> --out <folder>/,
  );
  result = await cli(['--help']);
  assert.equal(result.code, 0);
  assert.match(result.stdout, /build-feed/);
  result = await cli(['build-feed', 'photos', '--out', 'x']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /Missing --captions/);
  result = await cli(['build-feed', 'photos', '-c', 'a.csv', '-o', 'x', '--frobnicate']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /Unknown option '--frobnicate'/);
  result = await cli([
    'build-feed',
    'photos',
    '-c',
    'a.csv',
    '-o',
    'x',
    '--submit-url',
    'javascript:alert(1)',
  ]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /--submit-url must start with/);
  result = await cli(['publish']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /Unknown command "publish"/);
});
