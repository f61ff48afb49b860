import { css } from 'lit';

/**
 * The share area and the call to action. Uses the private `--_*` properties of galleryStyles.
 * On a slide the controls stay in the row's one line: each is 2.75em tall, and shrinks from 2.75em
 * to 2em wide when space is short (ShareController measures with the same numbers; when even 2em
 * does not fit, the slide shows one "Share" button instead).
 */
export const shareAreaStyles = css`
  .share,
  .share-fallback {
    display: flex;
    align-items: center;
    gap: 0.25em;
    min-width: 0;
  }

  .slide-actions .share,
  .share-more {
    margin-inline-start: auto;
  }

  /* In the dialog the row sticks to the bottom of the scrolling body: always in view. It wraps, so a
     bubble above the copy button would cover the line above: there "Link copied" sits in the row's own
     top edge (its 1.75em), at its end, over no control. */
  .share-dialog {
    flex-wrap: wrap;
    position: sticky;
    bottom: calc(-1 * var(--_gap));
    margin-top: 0.5em;
    padding-block: 1.75em 0.5em;
    background: var(--_bg);
  }

  .share-control,
  .share-copy {
    position: relative;
    flex: 0 1 2.75em;
    min-width: 2em;
    height: 2.75em;
  }

  .share-copy {
    display: flex;
  }

  .share-copy > .share-control {
    flex: 1;
    min-width: 0;
  }

  .share-control {
    display: inline-grid;
    place-items: center;
    border: 0;
    border-radius: 0.5em;
    color: var(--_fg);
    background: none;
  }

  .share-dialog > * {
    flex: none;
    width: 2.75em;
  }

  .share-control:hover {
    color: var(--_accent);
    background: var(--_surface);
  }

  /* The glyphs' stroke and fill: galleryStyles' svg rule. */
  .share svg,
  .share-more svg {
    stroke-width: 2;
  }

  .share-more {
    gap: 0.35em;
  }

  /* "Link copied", drawn above the copy button: nothing else moves. */
  .share-copied {
    position: absolute;
    bottom: 100%;
    inset-inline-end: 0;
    margin-bottom: 0.25em;
    padding: 0.15em 0.5em;
    border-radius: 0.3em;
    background: var(--_fg);
    color: var(--_bg);
    font-size: 0.8em;
    font-weight: 700;
    white-space: nowrap;
    pointer-events: none;
  }

  .share-dialog .share-copy {
    position: static;
  }

  .share-dialog .share-copied {
    top: 0.25em;
    bottom: auto;
  }

  .share-fallback {
    flex: 1;
    gap: 0.5em;
    font-size: 0.9em;
  }

  .dialog .share-fallback {
    margin-top: 1em;
  }

  .share-fallback span {
    white-space: nowrap;
  }

  .share-fallback input {
    flex: 1;
    /* No intrinsic width: the field takes what the row has left, never widens the slide. */
    width: 0;
    min-width: 0;
    height: 2.5em;
    padding: 0 0.5em;
    border: 2px solid var(--_border);
    border-radius: 0.4em;
    color: var(--_fg);
    background: var(--_bg);
    font: inherit;
  }

  /* The compact share sheet: a bottom sheet of named targets at every width (no anchor to place, so it
     opens in view in every engine), two columns on a phone. */
  .sheet {
    inset: auto 0 0;
    width: 100%;
    max-width: 36rem;
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius) var(--_radius) 0 0;
    background: var(--_bg);
  }

  .share-sheet {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(10em, 1fr));
  }

  .share-sheet .share-control {
    display: flex;
    justify-content: start;
    gap: 0.6em;
    width: 100%;
    padding: 0 0.6em;
    text-decoration: none;
  }

  /* The call to action: an accent button (.text-button), a little smaller so that two lines hold a long
     label in the footer's height at 320 px. */
  .submit {
    font-size: 0.9em;
  }
`;
