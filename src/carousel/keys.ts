/** Maps a key to a carousel move, mirrored for right-to-left. Pure, so the mapping is easy to test. */
export type KeyMove = 'previous' | 'next' | 'first' | 'last';

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
