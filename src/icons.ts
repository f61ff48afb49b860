import { html, type TemplateResult } from 'lit';

/**
 * One 24×24 icon path, hidden from assistive technology (the buttons that hold them carry the names).
 * The stylesheet draws it: a round 2.5px stroke in `currentColor` (2px in the share area, 1.6px with
 * square ends for the broken photo), filled for Start / Stop.
 */
export const glyph = (d: string): TemplateResult =>
  html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d=${d} /></svg>`;

/** An arrow that points the other way in right-to-left text. */
const arrow = (d: string): TemplateResult =>
  html`<svg class="flip" viewBox="0 0 24 24" aria-hidden="true"><path d=${d} /></svg>`;

/** Small inline icons. */
export const icons = {
  previous: arrow('M15 5 8 12l7 7'),
  next: arrow('m9 5 7 7-7 7'),
  more: glyph('m5 9 7 7 7-7'),
  play: glyph('M8 5.5v13l10.5-6.5z'),
  pause: glyph('M7 5h3.5v14H7zM13.5 5H17v14h-3.5z'),
  close: glyph('M6 6l12 12M18 6 6 18'),
  brokenImage: glyph('M4 5h16v14H4zm0 10 4-4 4 4 3-3 5 5m-5-7.5a1.5 1.5 0 1 0 0-.01M3 3l18 18'),
};
