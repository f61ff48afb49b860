import type { TemplateResult } from 'lit';
import { glyph } from '../icons.js';
import type { ShareTarget } from './targets.js';

/**
 * Share glyphs: one 24×24 path each, drawn with a 2px round stroke (the stylesheet sets stroke and
 * fill; `glyph`), monochrome in `currentColor`. Simple outlines of each network's mark, small on purpose:
 * every byte ships to readers, and nothing is fetched from the networks.
 */
const paths: Record<ShareTarget | 'check', string> = {
  // A box with an arrow leaving it: the platform share sheet.
  native: 'M12 15V3M8 7l4-4 4 4M7 11H5v10h14V11h-2',
  facebook: 'M16 3h-2a4 4 0 0 0-4 4v14M6 10h9',
  // X's mark: one hollow stroke and one thin, broken stroke.
  x: 'M4 4h4.5L20 20h-4.5zM20 4l-6.6 7.2M4 20l6.6-7.2',
  // A speech bubble with a tail, and a handset.
  whatsapp: 'M3.5 20.5l1.3-4.2a8.5 8.5 0 1 1 3.1 3zM9 8.5c.3 3.5 3 6.2 6.5 6.5',
  // A paper plane with its fold.
  telegram: 'M21 4 3 11l6 2.5L21 4l-4 16-8-6.5V19l3-3.5',
  // A butterfly.
  bluesky:
    'M12 11C10.4 7.6 6.9 4 4.6 4 3 4 3 6.4 3.7 9c.6 2 2.8 2.6 4.8 2.3-3.3.7-3.9 2.8-1.8 4.6 2.7 2.3 4.3-1.6 5.3-4.3 1 2.7 2.6 6.6 5.3 4.3 2.1-1.8 1.5-3.9-1.8-4.6 2 .3 4.2-.3 4.8-2.3.7-2.6.7-5-.9-5-2.3 0-5.8 3.6-7.4 7z',
  linkedin: 'M4 4h16v16H4zm4 7v5M8 8v.01M12 16v-5m0 2.5a2.5 2.5 0 0 1 5 0V16',
  email: 'M3 5h18v14H3zM3 5l9 8 9-8',
  // Two chain links.
  copy: 'M9.5 14.5l5-5M11 6.5 12.5 5a3.9 3.9 0 0 1 5.5 5.5L16.5 12M13 17.5 11.5 19A3.9 3.9 0 0 1 6 13.5L7.5 12',
  check: 'M5 12.5 9.5 17 19 7.5',
};

/** The glyph of a share target (or the check mark shown once a link is copied), hidden from assistive technology. */
export function shareIcon(name: ShareTarget | 'check'): TemplateResult {
  return glyph(paths[name]);
}
