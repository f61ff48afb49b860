// The captions sheet: CSV as spreadsheets write it (BOM, CRLF, quoted commas and newlines, ';'), or JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCsvSheet, parseJsonSheet } from '../../dist/esm/cli/sheet.js';
import { cli, scratch, png, report } from './helpers.mjs';

test('CSV: BOM, CRLF, quoted commas, quotes and newlines inside fields; rows numbered as a spreadsheet shows them', () => {
  const csv =
    '\uFEFFfile,quote,name,place\r\n' +
    'a.jpg,"#NotWithThem because workers, not bosses, must decide",Raúl Godoy,"Neuquén, Argentina"\r\n' +
    'b.jpg,"#NotWithThem\r\nbecause we are ""not their backyard""",Noelia,Mendoza\r\n' +
    'c.jpg,,Laura,Córdoba\r\n';
  const sheet = parseCsvSheet(csv);
  assert.deepEqual(sheet.problems, []);
  assert.deepEqual(
    sheet.rows.map((r) => r.row),
    [2, 3, 4],
    'the multi-line cell does not shift row numbers',
  );
  assert.equal(sheet.rows[0].values.file, 'a.jpg', 'BOM is not part of the first header');
  assert.equal(sheet.rows[0].values.quote, '#NotWithThem because workers, not bosses, must decide');
  assert.equal(sheet.rows[0].values.place, 'Neuquén, Argentina');
  assert.equal(sheet.rows[1].values.quote, '#NotWithThem\r\nbecause we are "not their backyard"');
  assert.equal(sheet.rows[2].values.quote, '');
});

test('CSV: header names are case-insensitive, unknown columns warn, blank rows are skipped but still counted', () => {
  const sheet = parseCsvSheet('File,QUOTE,Notes\n\na.jpg,q1,x\n,,\nb.jpg,q2,y\n');
  assert.deepEqual(
    sheet.rows.map((r) => [r.row, r.values.file, r.values.quote]),
    [
      [3, 'a.jpg', 'q1'],
      [5, 'b.jpg', 'q2'],
    ],
  );
  assert.deepEqual(
    sheet.problems.map((p) => [p.severity, p.code, p.row, p.column]),
    [['warning', 'unknown-column', 1, 'Notes']],
  );
});

test('CSV: a semicolon-separated export (Spanish-locale spreadsheets) is read too', () => {
  const sheet = parseCsvSheet('file;quote;name\r\na.jpg;"#NotWithThem; because, yes";Ana\r\n');
  assert.deepEqual(sheet.rows[0].values, { file: 'a.jpg', quote: '#NotWithThem; because, yes', name: 'Ana' });
});

test('CSV: missing required columns and broken quoting are problems', () => {
  assert.deepEqual(
    parseCsvSheet('file,name\na.jpg,Ana\n').problems.map((p) => [p.code, p.column]),
    [['missing-column', 'quote']],
  );
  const broken = parseCsvSheet('file,quote\na.jpg,"never closed\n');
  assert.equal(broken.problems[0].code, 'sheet-unreadable');
  assert.equal(parseCsvSheet('').problems[0].code, 'sheet-empty');
});

test('JSON: an array of objects, numbers accepted as text, items numbered from 1', () => {
  const sheet = parseJsonSheet(
    '\uFEFF[{"file":"a.jpg","quote":"q","id":7,"extra":1},{"file":"b.jpg","quote":["x"]}]',
  );
  assert.deepEqual(sheet.rows[0], { row: 1, values: { file: 'a.jpg', quote: 'q', id: '7' } });
  assert.deepEqual(
    sheet.problems.map((p) => [p.severity, p.code, p.row]),
    [
      ['warning', 'unknown-column', 1],
      ['error', 'invalid-value', 2],
    ],
  );
  assert.equal(parseJsonSheet('{"not":"an array"}').problems[0].code, 'sheet-unreadable');
});

test('end to end: a spreadsheet CSV export with all the quirks builds the feed', async (t) => {
  const dir = await scratch(t);
  await mkdir(join(dir, 'photos'));
  await writeFile(join(dir, 'photos/a.png'), await png(640, 480));
  await writeFile(join(dir, 'photos/b.png'), await png(640, 480, '#264653'));
  await writeFile(
    join(dir, 'captions.csv'),
    '\uFEFFfile,quote,name,role,place,affiliation,alt,lang,id,url\r\n' +
      'a.png,"#NotWithThem because workers, not bosses, must decide",Raúl Godoy,"Legislator, Neuquén",,,,en,,https://example.org/raul\r\n' +
      'b.png,"#NotWithThem\r\nbecause we are not their backyard",Noelia Barbeito,,,,"A woman, smiling, holds a sign",es-AR,noelia,\r\n',
  );
  const result = await cli([
    'build-feed',
    join(dir, 'photos'),
    '-c',
    join(dir, 'captions.csv'),
    '-o',
    join(dir, 'out'),
    '--json',
  ]);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(report(result).counts.testimonials, 2);
  const feed = JSON.parse(await readFile(join(dir, 'out/testimonials.json'), 'utf8'));
  const [a, b] = feed.testimonials;
  assert.equal(a.id, 'raul-godoy', 'id made from the name');
  assert.equal(a.quote, '#NotWithThem because workers, not bosses, must decide');
  assert.equal(a.role, 'Legislator, Neuquén');
  assert.equal(a.url, 'https://example.org/raul');
  assert.equal(b.id, 'noelia');
  assert.equal(b.quote, '#NotWithThem\r\nbecause we are not their backyard');
  assert.equal(b.image.alt, 'A woman, smiling, holds a sign');
  assert.equal(b.lang, 'es-AR');
});

test('end to end: a JSON sheet works the same way', async (t) => {
  const dir = await scratch(t);
  await mkdir(join(dir, 'photos'));
  await writeFile(join(dir, 'photos/a.png'), await png(500, 500));
  await writeFile(
    join(dir, 'sheet.json'),
    JSON.stringify([{ file: 'a.png', quote: '#NotWithThem because JSON', name: 'Ana' }]),
  );
  const result = await cli([
    'build-feed',
    join(dir, 'photos'),
    '-c',
    join(dir, 'sheet.json'),
    '-o',
    join(dir, 'out'),
    '--quiet',
  ]);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, '', '--quiet prints nothing on success');
  assert.equal(result.stderr, '');
  const feed = JSON.parse(await readFile(join(dir, 'out/testimonials.json'), 'utf8'));
  assert.equal(feed.testimonials[0].id, 'ana');
});
