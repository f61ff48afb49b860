/** The photos folder: which photo files it holds, and where a sheet's file name points to. */
import { readdir, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { PHOTO_EXTENSIONS } from './photos.js';

/** Photo files under `dir` (sub-folders included, hidden ones and `skip` left out), as `a/b.jpg` paths. */
export async function listPhotos(dir: string, skip: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    // `parentPath` is Node ≥ 20.12; `path` before it.
    const parent =
      (entry as { parentPath?: string }).parentPath ?? (entry as unknown as { path: string }).path;
    const full = join(parent, entry.name);
    const rel = relative(dir, full);
    if (rel.split(sep).some((part) => part.startsWith('.'))) continue;
    if (full === skip || full.startsWith(skip + sep)) continue;
    if (!PHOTO_EXTENSIONS.includes(extname(entry.name).toLowerCase())) continue;
    files.push(toPosix(rel));
  }
  return files.sort();
}

/** The sheet's `file` as a path inside `dir`, or undefined when it points outside it. */
export function photoPath(dir: string, file: string): { rel: string; abs: string } | undefined {
  const cleaned = file.trim().replace(/\\/g, '/');
  if (cleaned === '' || isAbsolute(cleaned) || /^[a-zA-Z]:/.test(cleaned)) return undefined;
  const rel = normalize(cleaned);
  if (rel === '..' || rel.startsWith(`..${sep}`) || rel === '.') return undefined;
  return { rel: toPosix(rel), abs: join(dir, rel) };
}

export async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** For "photo not found": a listed file whose name differs only in case or extension, if any. */
export function closeMatch(wanted: string, listing: string[]): string | undefined {
  const key = (p: string) => p.toLowerCase().replace(/\.[^./]+$/, '');
  return listing.find((p) => key(p) === key(wanted) && p !== wanted);
}

const toPosix = (p: string) => p.split(sep).join('/');
