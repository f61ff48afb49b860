/** What the command found wrong, tied to the sheet row (spreadsheet numbering: the header is row 1). */

export type ProblemCode =
  | 'sheet-unreadable'
  | 'sheet-empty'
  | 'missing-column'
  | 'unknown-column'
  | 'invalid-value'
  | 'missing-file'
  | 'missing-quote'
  | 'duplicate-id'
  | 'photo-missing'
  | 'photo-unreadable'
  | 'photo-unlisted'
  | 'metadata-left'
  | 'card-unrenderable'
  | 'feed-invalid'
  | 'write-failed';

export interface Problem {
  /** 'error' stops the command (exit 1, nothing written); 'warning' is only reported. */
  severity: 'error' | 'warning';
  code: ProblemCode;
  message: string;
  /** Sheet row (CSV: as a spreadsheet numbers it, header = 1; JSON: item number, first = 1). */
  row?: number;
  column?: string;
  /** Photo file, relative to the photos folder. */
  file?: string;
}

export function error(
  code: ProblemCode,
  message: string,
  where: Omit<Problem, 'severity' | 'code' | 'message'> = {},
): Problem {
  return { severity: 'error', code, message, ...where };
}

export function warning(
  code: ProblemCode,
  message: string,
  where: Omit<Problem, 'severity' | 'code' | 'message'> = {},
): Problem {
  return { severity: 'warning', code, message, ...where };
}

/** One line for a terminal: "captions.csv row 4: missing quote". */
export function formatProblem(problem: Problem, sheetName: string, sheetKind: 'csv' | 'json'): string {
  const where: string[] = [];
  if (problem.row !== undefined)
    where.push(`${sheetName} ${sheetKind === 'csv' ? 'row' : 'item'} ${problem.row}`);
  else if (problem.file === undefined) where.push(sheetName);
  if (problem.file !== undefined && problem.row === undefined) where.push(problem.file);
  const label = problem.severity === 'error' ? 'error' : 'warning';
  return `${label}: ${where.length ? `${where.join(', ')}: ` : ''}${problem.message}`;
}
