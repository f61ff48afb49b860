/**
 * Reads the captions sheet: CSV (quotes, commas and newlines in fields, UTF-8 BOM, CRLF, and `;` or
 * tab separators as spreadsheets in some locales export them) or a JSON array of objects.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { error, warning, type Problem } from './problems.js';

export const COLUMNS = [
  'file',
  'quote',
  'name',
  'role',
  'place',
  'affiliation',
  'alt',
  'lang',
  'id',
  'url',
  'focus',
] as const;
export type Column = (typeof COLUMNS)[number];

export interface SheetRow {
  /** Spreadsheet row number (CSV: header = 1, first data row = 2; JSON: item number from 1). */
  row: number;
  values: Partial<Record<Column, string>>;
}

export interface Sheet {
  kind: 'csv' | 'json';
  rows: SheetRow[];
  problems: Problem[];
}

const isColumn = (name: string): name is Column => (COLUMNS as readonly string[]).includes(name);

export async function readSheet(path: string): Promise<Sheet> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    const kind = extname(path).toLowerCase() === '.json' ? 'json' : 'csv';
    return {
      kind,
      rows: [],
      problems: [error('sheet-unreadable', `cannot read the sheet: ${(cause as Error).message}`)],
    };
  }
  const looksJson = extname(path).toLowerCase() === '.json' || /^\uFEFF?\s*[[{]/.test(text);
  return looksJson ? parseJsonSheet(text) : parseCsvSheet(text);
}

export function parseCsvSheet(text: string): Sheet {
  const problems: Problem[] = [];
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: guessDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (cause) {
    const err = cause as Error & { lines?: number };
    const at = err.lines ? ` (near line ${err.lines} of the file)` : '';
    return {
      kind: 'csv',
      rows: [],
      problems: [error('sheet-unreadable', `the CSV cannot be read${at}: ${err.message}`)],
    };
  }
  const [header, ...data] = records;
  if (!header || header.every((cell) => cell.trim() === '')) {
    return {
      kind: 'csv',
      rows: [],
      problems: [error('sheet-empty', 'the sheet is empty: a header row is needed')],
    };
  }
  const names = header.map((cell) => cell.trim().toLowerCase());
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (name === '') return;
    if (!isColumn(name)) {
      problems.push(
        warning(
          'unknown-column',
          `unknown column "${header[i]!.trim()}" is ignored (known: ${COLUMNS.join(', ')})`,
          { row: 1, column: header[i]!.trim() },
        ),
      );
    } else if (seen.has(name)) {
      problems.push(
        error('invalid-value', `column "${name}" appears twice in the header`, { row: 1, column: name }),
      );
    }
    seen.add(name);
  });
  for (const required of ['file', 'quote'] as const) {
    if (!seen.has(required))
      problems.push(
        error('missing-column', `the header has no "${required}" column`, { row: 1, column: required }),
      );
  }
  const rows: SheetRow[] = [];
  data.forEach((record, i) => {
    const values: SheetRow['values'] = {};
    names.forEach((name, col) => {
      const cell = record[col];
      if (isColumn(name) && cell !== undefined && values[name] === undefined) values[name] = cell;
    });
    // Rows are numbered as a spreadsheet shows them: record i (0-based after the header) is row i + 2.
    rows.push({ row: i + 2, values });
  });
  return { kind: 'csv', rows: rows.filter((r) => !isBlank(r)), problems };
}

export function parseJsonSheet(text: string): Sheet {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    return {
      kind: 'json',
      rows: [],
      problems: [error('sheet-unreadable', `the JSON cannot be read: ${(cause as Error).message}`)],
    };
  }
  // Also accept a feed-like object, so a hand-written feed can serve as the sheet.
  if (
    data !== null &&
    typeof data === 'object' &&
    !Array.isArray(data) &&
    Array.isArray((data as { testimonials?: unknown }).testimonials)
  ) {
    data = (data as { testimonials: unknown[] }).testimonials;
  }
  if (!Array.isArray(data)) {
    return {
      kind: 'json',
      rows: [],
      problems: [error('sheet-unreadable', 'a JSON sheet must be an array of objects, one per testimonial')],
    };
  }
  const problems: Problem[] = [];
  const unknown = new Set<string>();
  const rows: SheetRow[] = [];
  data.forEach((item: unknown, i) => {
    const row = i + 1;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      problems.push(error('invalid-value', 'each item must be an object', { row }));
      return;
    }
    const values: SheetRow['values'] = {};
    for (const [key, value] of Object.entries(item)) {
      const name = key.trim().toLowerCase();
      if (!isColumn(name)) {
        if (!unknown.has(key))
          problems.push(
            warning('unknown-column', `unknown column "${key}" is ignored (known: ${COLUMNS.join(', ')})`, {
              row,
              column: key,
            }),
          );
        unknown.add(key);
        continue;
      }
      if (value === null || value === undefined) continue;
      if (typeof value === 'string' || typeof value === 'number') values[name] = String(value);
      else problems.push(error('invalid-value', `"${key}" must be text`, { row, column: name }));
    }
    rows.push({ row, values });
  });
  return { kind: 'json', rows, problems };
}

const isBlank = (row: SheetRow) => Object.values(row.values).every((v) => v === undefined || v.trim() === '');

/** The separator of the header line: ',' unless the header only uses ';' or tabs. */
function guessDelimiter(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/, 1)[0] ?? '';
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const candidates = [',', ';', '\t'].map((ch) => [ch, count(ch)] as const);
  const best = candidates.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}
