import { css } from 'lit';

/**
 * The share area and the call to action. Uses the private `--_*` properties of galleryStyles.
 * On a slide the controls stay in the row's one line: each is 2.75em tall, and shrinks from 2.75em
 * to 2em wide when space is short (ShareController measures with the same numbers; when even 2em
 * does not fit, the slide shows one "Share" button instead).
 */
export const shareAreaStyles = css`
  .share {
    display: flex;
    align-items: center;
    gap: 0.25em;
    min-width: 0;
  }

  .slide-actions .share,
  .share-more {
    margin-inline-start: auto;
  }

  .share-dialog {
    flex-wrap: wrap;
    margin-top: 1em;
  }

  .share-title {
    margin-inline-end: 0.5em;
    font-weight: 700;
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
    padding: 0;
    border: 0;
    border-radius: 0.5em;
    color: var(--_fg);
    background: none;
    font: inherit;
    cursor: pointer;
  }

  .share-dialog .share-control,
  .share-dialog .share-copy {
    flex: none;
    width: 2.75em;
  }

  .share-dialog .share-control {
    border: 2px solid var(--_border);
    border-radius: 50%;
  }

  .share-control:hover {
    color: var(--_accent);
    background: var(--_surface);
  }

  .share svg,
  .share-more svg,
  .share-close svg {
    width: 1.25em;
    height: 1.25em;
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
    pointer-events: none;
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

  .share-fallback {
    flex: 1;
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-width: 0;
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

  .share-fallback input:focus-visible {
    outline: 3px solid var(--_focus-color);
    outline-offset: 2px;
  }

  /* The call to action: a clear link, two lines at most, in the footer's reserved height. */
  .submit {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
    padding: 0 0.25em;
    line-height: var(--_line);
    color: var(--_accent);
    font-weight: 700;
    text-align: center;
    text-underline-offset: 0.2em;
  }
`;
