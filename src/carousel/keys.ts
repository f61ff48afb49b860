/** Keys to carousel moves and moves to slides. Pure, so the mapping is easy to test. */
import { nextIndex, previousIndex, type Paging } from './paging.js';

export type KeyMove = 'previous' | 'next' | 'first' | 'last';

/** Maps a key to a carousel move, mirrored for right-to-left. */
export function keyToMove(key: string, rtl: boolean): KeyMove | undefined {
  switch (key) {
    case 'ArrowLeft':
      return rtl ? 'next' : 'previous';
    case 'ArrowRight':
      return rtl ? 'previous' : 'next';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    default:
      return undefined;
  }
}

/**
 * The slide a key move leads to. On the track a move goes one page (wrapping with `loop`); in the picker
 * one slide, always wrapping, as in the tab list pattern.
 */
export function keyTarget(move: KeyMove, scope: 'track' | 'picker', active: number, paging: Paging): number {
  const last = paging.count - 1;
  if (move === 'first') return 0;
  if (move === 'last') return last;
  if (scope === 'track') return move === 'next' ? nextIndex(active, paging) : previousIndex(active, paging);
  const step = move === 'next' ? active + 1 : active - 1;
  return step < 0 ? last : step > last ? 0 : step;
}
