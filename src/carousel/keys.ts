/** Keys to carousel moves and moves to slides. Pure, so the mapping is easy to test. */
import { pageCount, pageOf, startOfPage, type Paging } from './paging.js';

export type KeyMove = 'previous' | 'next' | 'first' | 'last';

/** Maps a key to a carousel move, mirrored for right-to-left. */
export function keyToMove(key: string, rtl: boolean): KeyMove | undefined {
  const moves: Record<string, KeyMove> = {
    ArrowLeft: rtl ? 'next' : 'previous',
    ArrowRight: rtl ? 'previous' : 'next',
    Home: 'first',
    End: 'last',
  };
  return Object.hasOwn(moves, key) ? moves[key] : undefined;
}

/**
 * The slide a key move on the picker leads to: the first slide of the next or previous page, always
 * wrapping, as in the tab list pattern; Home and End go to the first and the last page.
 */
export function keyTarget(move: KeyMove, active: number, paging: Paging): number {
  const pages = pageCount(paging);
  const page =
    move === 'first' ? 0 : move === 'last' ? pages - 1 : pageOf(active, paging) + (move === 'next' ? 1 : -1);
  return startOfPage((page + pages) % pages, paging);
}
