import { css } from 'lit';

/**
 * Public custom properties (`--nwt-*`) are read once, on :host, into private ones (`--_*`) that the
 * rest of the sheet uses: a host page can theme the gallery without colliding with its internals.
 *
 * Every box whose size could depend on content (title, caption, photo) has a fixed size, so the
 * gallery's height is decided by CSS alone from the first paint: no layout shift when data arrives.
 */
export const galleryStyles = css`
  :host {
    /* Light and dark palettes in one place: light-dark() follows color-scheme, which the theme sets. */
    color-scheme: light;
    --_accent: var(--nwt-accent, light-dark(#b0112d, #ff8a9b));
    --_on-accent: var(--nwt-on-accent, light-dark(#fff, #16161a));
    --_bg: var(--nwt-background, light-dark(#fff, #16161a));
    --_fg: var(--nwt-color, light-dark(#1b1b1f, #f1f1f3));
    --_muted: var(--nwt-muted-color, light-dark(#4f5058, #b9bac2));
    --_surface: var(--nwt-surface, light-dark(#f2f2f4, #24242a));
    --_border: var(--nwt-border-color, light-dark(#85868f, #8d8e98));
    --_focus-color: var(--nwt-focus-color, light-dark(#1a5fd0, #8ab4ff));
    --_radius: var(--nwt-radius, 0.75rem);
    --_gap: var(--nwt-gap, 1rem);
    --_font: var(--nwt-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_quote-font: var(--nwt-quote-font-family, var(--_font));
    --_heading-font: var(--nwt-heading-font-family, var(--_font));
    --_aspect: var(--nwt-aspect-ratio, 4 / 5);
    --_lines: var(--nwt-caption-lines, 4);
    /* At most 16% of the gallery's width: with a reader's very large font, prev, dots and next still fit. */
    --_control-size: min(var(--nwt-control-size, 2.75rem), 16cqi);
    --_fit: cover;

    display: block;
    position: relative;
    container-type: inline-size;
    box-sizing: border-box;
    max-width: 100%;
    color: var(--_fg);
    background: var(--_bg);
    border-radius: var(--_radius);
    font-family: var(--_font);
    font-size: var(--nwt-font-size, 1rem);
    /* A page (or a reader's text-spacing tool) may set it on the host: it reaches the text, and the
       boxes sized in lines (1lh) grow with it. */
    line-height: 1.45;
    /* !important: the only host property a page must not win (with \`* { white-space: pre }\`, the white
       space between the shadow root's top-level nodes would show as blank lines). The other text
       properties are set again on .gallery and .dialog, below. */
    white-space: normal !important;
    /* The host page's styles stop here; ours are all in this shadow root. */
    contain: layout paint;
  }

  :host([hidden]) {
    display: none;
  }

  :host([fit='contain']) {
    --_fit: contain;
  }

  :host([theme='dark']) {
    color-scheme: dark;
  }

  :host([theme='auto']) {
    color-scheme: light dark;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  [hidden] {
    display: none !important;
  }

  /* Buttons: no box or font of their own (the classes below draw each kind). */
  button {
    margin: 0;
    padding: 0;
    font: inherit;
    cursor: pointer;
  }

  /*
   * A page's rules that match the host element itself (\`* { letter-spacing: 0.3em }\`) beat :host, and
   * the host passes them on by inheritance: the text properties are set again on the first elements
   * inside (the frame and the dialog), where only this sheet applies. Font family and size, line
   * height, letter and word spacing still follow the host: a reader's own size and spacing (WCAG text
   * spacing) must reach the text, and the layout copes with them.
   */
  .gallery,
  .dialog {
    color: var(--_fg);
    font-style: normal;
    font-weight: 400;
    font-variant: normal;
    font-stretch: normal;
    text-align: start;
    text-transform: none;
    text-indent: 0;
    text-shadow: none;
    white-space: normal;
    overflow-wrap: normal;
    word-break: normal;
    hyphens: manual;
    tab-size: 8;
    cursor: auto;
    background: var(--_bg);
    border-radius: var(--_radius);
  }

  .gallery {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_gap) * 0.75);
    /* Never more than 5% of the width a side: a very large root font must leave the content room. */
    padding: var(--nwt-padding, min(var(--_gap), 5cqi));
  }

  /* Header: a band of two title lines (one when wide), decided before the feed, so the page never moves.
     A title that needs more is clamped to it and offers "Read more", a popover with all of it (the
     heading keeps the whole text for screen readers). A shorter one is centred in it. */
  .header {
    display: flex;
    align-items: center;
    gap: var(--_gap);
    min-width: 0;
    --_t: 3.12em;
    min-height: max(var(--_t), var(--_a, 0px));
  }

  /* The rotation button comes with the slides: the loading skeleton keeps its room from the start. */
  :host([autoplay]) .header {
    --_a: var(--_control-size);
  }

  .title {
    flex: 1;
    min-width: 0;
    margin: 0;
    font-family: var(--_heading-font);
    font-size: 1.2em;
    font-weight: 700;
    line-height: 1.3;
    overflow-wrap: anywhere;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
  }

  /* The title's "Read more": a round control, as small as the band is high when the band is one line
     (25px, still a target of at least 24px), so a long first word keeps its line on a phone. */
  .header .title-more {
    width: min(var(--_control-size), var(--_t));
    height: min(var(--_control-size), var(--_t));
  }

  @container (min-width: 48rem) {
    .header {
      --_t: 1.56em;
    }
    .title {
      -webkit-line-clamp: 1;
    }
  }

  /* The track: native scroll-snap does swipe, momentum and snapping. */
  .viewport {
    min-width: 0;
  }

  /* A flex row, not a grid: large feeds render only a window of slides between two spacers that stand
     for the others (slots × (slide + gap)), so the scroll width and scrollLeft ↔ index stay exact. */
  .track {
    --_spv: var(--nwt-slides-per-view, 1);
    --_w: calc((100% - (var(--_spv) - 1) * var(--_gap)) / var(--_spv));
    display: flex;
    gap: var(--_gap);
    overflow-anchor: none;
    overflow-x: auto;
    overflow-y: hidden;
    overscroll-behavior-x: contain;
    scroll-snap-type: x mandatory;
    scrollbar-width: none;
    /* Room for the focus rings of the controls inside the slides, which the scroller would clip: a ring
       reaches 5px out, from a link button's box that overhangs the slide by 0.25em. */
    margin: -10px;
    padding: 10px;
    scroll-padding: 10px;
  }

  .track::-webkit-scrollbar {
    display: none;
  }

  @container (min-width: 36rem) {
    .track {
      --_spv: var(--nwt-slides-per-view, 2);
    }
  }

  @container (min-width: 60rem) {
    .track {
      --_spv: var(--nwt-slides-per-view, 3);
    }
  }

  .slide {
    scroll-snap-align: start;
    min-width: 0;
    display: flex;
    flex-direction: column;
  }

  figure {
    margin: 0;
    display: flex;
    flex-direction: column;
    gap: 0.6em;
    height: 100%;
  }

  /* The photo box has its final size before the photo arrives; the feed's colour fills it meanwhile. */
  .photo {
    position: relative;
    aspect-ratio: var(--_aspect);
    width: 100%;
    overflow: hidden;
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  /* Whole pixels wide: every slide's photo then paints at the same size, so the page's largest paint
     stays the first photo (its poster), not a neighbour that came out a pixel wider. The 0.03px keeps
     a width that is a whole number in theory from rounding down by layout's 1/64 px error. */
  .photo img {
    position: absolute;
    inset: 0;
    width: round(down, 100% + 0.03px, 1px);
    height: 100%;
    object-fit: var(--_fit);
  }

  /* A photo the box would crop by more than a fifth shows whole, unless the page asks for fit="cover". */
  :host(:not([fit='cover'])) .whole {
    object-fit: contain;
  }

  .photo-fallback {
    position: absolute;
    inset: 0;
    display: grid;
    place-content: center;
    justify-items: center;
    gap: 0.5em;
    padding: 1em;
    text-align: center;
    color: var(--_muted);
    background: var(--_surface);
    font-size: 0.9em;
    overflow: hidden;
  }

  .photo-fallback svg {
    width: 2.5em;
    height: 2.5em;
    stroke-width: 1.6;
    stroke-linecap: butt;
  }

  figcaption {
    display: grid;
    gap: 0.35em;
  }

  /*
   * Quote and who share a box of fixed height (the quote's lines and three lines of who), decided before
   * the feed. The who follows the quote at the same distance whatever the quote's length; the room left
   * stays below. The quote shows at most --nwt-caption-lines lines; names and who-lines wrap, never
   * ellipsized. When they need more room than is left, the who's last lines are cut: the element
   * measures every cut box and offers "Read more" (the whole text stays in the DOM for screen readers).
   */
  .text {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    height: calc((var(--_lines) * 1.05 + 2.7) * 1lh + 0.35em);
    overflow: hidden;
    overflow-wrap: anywhere;
  }

  /* Cut text fades out rather than ending in half a line. */
  .cut {
    mask: linear-gradient(#000 calc(100% - 1.2em), #0000);
  }

  .quote {
    flex: none;
    margin: 0;
    font-family: var(--_quote-font);
    font-size: 1.05em;
    font-weight: 600;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--_lines);
    overflow: hidden;
  }

  .who {
    min-height: 0;
    margin: 0;
    font-size: 0.9em;
    color: var(--_muted);
    overflow: hidden;
  }

  .who > span {
    display: block;
  }

  .who .name {
    color: var(--_fg);
    font-weight: 700;
  }

  /* Controls: native buttons, at least 44 CSS px, with a focus ring that is never clipped. */
  /* The controls precede the slides in the tab sequence and the picker follows Next (so Tab from the
     picker reaches the slides it shows); they are shown in reading order. */
  .controls {
    order: 1;
    display: flex;
    align-items: center;
    justify-content: center;
    gap: min(0.5em, 2.5cqi);
    min-height: var(--_control-size);
  }

  .control {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: var(--_control-size);
    height: var(--_control-size);
    border: 2px solid var(--_border);
    border-radius: 50%;
    color: var(--_fg);
    background: var(--_bg);
  }

  .control:not([aria-disabled='true']):hover {
    border-color: var(--_accent);
    color: var(--_accent);
  }

  .control[aria-disabled='true'] {
    cursor: default;
    opacity: 0.45;
  }

  /* Icons: the buttons that hold them take the clicks. Their paths are drawn with a round stroke in the
     text colour, unfilled: the presentation of every glyph (icons.ts), set once here. */
  svg {
    width: 1.25em;
    height: 1.25em;
    flex: none;
    pointer-events: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 2.5;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  /* Start and Stop are filled shapes. */
  .rotation svg {
    fill: currentColor;
    stroke: none;
  }

  :host(:dir(rtl)) .control .flip {
    transform: scaleX(-1);
  }

  button:focus-visible,
  a:focus-visible,
  input:focus-visible,
  [tabindex]:focus-visible {
    outline: 3px solid var(--_focus-color);
    outline-offset: 2px;
  }

  /* The picker's dots are 24px targets around a small visible dot; the current one is a wider pill. */
  .picker {
    display: flex;
    align-items: center;
    gap: 4px;
  }

  .dot {
    display: grid;
    place-items: center;
    width: 24px;
    height: 24px;
    border: 0;
    border-radius: 50%;
    background: none;
  }

  .dot::before {
    content: '';
    width: 10px;
    height: 10px;
    border-radius: 5px;
    border: 2px solid var(--_border);
  }

  .dot[aria-selected='true']::before {
    width: 20px;
    border-color: var(--_accent);
    background: var(--_accent);
  }

  .slide-actions {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 0.25em 0.5em;
    min-height: var(--_control-size);
  }

  .link-button {
    display: inline-flex;
    align-items: center;
    min-height: 2.75em;
    padding: 0 0.25em;
    margin: 0 -0.25em;
    border: 0;
    background: none;
    color: var(--_accent);
    font-weight: 700;
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }

  .rotation {
    order: -1;
  }

  .next {
    order: 1;
  }

  /* The full testimonial, in a native modal dialog: its body scrolls, Close stays in the corner, and the
     share row sticks to the bottom while the text scrolls under it. */
  .dialog {
    width: min(52rem, calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    padding: 0;
    border: 0;
    overflow: hidden;
  }

  /* Forced colours drop the backdrop's shade: a border keeps the dialog's edge visible. */
  @media (forced-colors: active) {
    .dialog {
      border: 1px solid;
    }
  }

  .dialog::backdrop {
    background: rgb(0 0 0 / 0.7);
  }

  .dialog-body {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_gap);
    max-height: inherit;
    padding: var(--_gap);
    overflow: auto;
  }

  /* 45% of the window's height: the share row below stays in view on a phone and a laptop. */
  .dialog-photo {
    aspect-ratio: auto;
    height: 45dvh;
  }

  .dialog-photo img {
    object-fit: contain;
  }

  .dialog-quote {
    margin: 0;
    font-family: var(--_quote-font);
    font-size: 1.25em;
    font-weight: 600;
  }

  /* A long unbroken quote, name, place or link wraps instead of widening the dialog past the window. */
  .dialog-text {
    min-width: 0;
    overflow-wrap: anywhere;
  }

  .dialog-who {
    margin-top: 0.5em;
  }

  .dialog-close {
    position: absolute;
    top: 1.5rem;
    inset-inline-end: 1.5rem;
    margin: 0;
  }

  /* The counter fits between the arrows whatever the font size: at most 5% of the width per em. */
  .position {
    font-size: min(1em, 5cqi);
    min-width: min(4.5em, 22.5cqi);
    text-align: center;
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }

  .footer {
    order: 2;
    min-height: 2lh;
    display: flex;
    align-items: center;
    justify-content: center;
    gap: var(--_gap);
  }

  /* Retry and the call to action: accent pills at least 44px high; two lines still fit the footer. */
  .text-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: 2.75rem;
    padding: 0 1.1em;
    text-align: center;
    overflow-wrap: anywhere;
    border: 2px solid var(--_accent);
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 700;
    line-height: 1.2;
    text-decoration: none;
  }

  /* States other than ready: a card centred over a skeleton of the ready state (the height never changes),
     with an icon: a spinner while loading, "!" for an error, "i" otherwise. */
  .state {
    position: absolute;
    inset: 0;
    z-index: 1;
    margin: auto;
    width: fit-content;
    height: fit-content;
    max-width: calc(100% - 2em);
    max-height: 100%;
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.75em;
    padding: 1.25em 1.5em;
    text-align: center;
  }

  .state::before {
    content: 'i' / '';
    display: grid;
    place-items: center;
    width: 2.5em;
    height: 2.5em;
    border: 0.2em solid var(--_accent);
    border-radius: 50%;
    color: var(--_accent);
    font-weight: 700;
  }

  [role='alert']::before {
    content: '!' / '';
  }

  .busy .state::before {
    content: '';
    border-top-color: transparent;
  }

  .skeleton-track {
    overflow: hidden;
  }

  .track > .slide {
    flex: 0 0 var(--_w);
  }

  .spacer {
    flex: 0 0 calc(var(--_slots) * (var(--_w) + var(--_gap)) - var(--_gap));
  }

  /* Drawn in the text colour, faint: visible on light and dark. */
  .skeleton .photo,
  .skeleton-line {
    background: color-mix(in srgb, var(--_fg) 12%, transparent);
  }

  .skeleton-line {
    height: 1lh;
    border-radius: 0.3em;
  }

  .short {
    width: 70%;
  }

  .shorter {
    width: 45%;
  }

  /* The page's poster: the first slide's photo, in its box while the feed loads (it does not pulse). */
  ::slotted([slot='poster']) {
    display: block;
    width: round(down, 100% + 0.03px, 1px);
    height: 100%;
    object-fit: cover;
  }

  /* Motion only for a reader who has not asked for less: the track glides, the current dot widens, and
     the skeleton pulses. */
  @media (prefers-reduced-motion: no-preference) {
    .track {
      scroll-behavior: smooth;
    }

    .dot::before {
      transition: width 0.2s;
    }

    .skeleton .photo:empty,
    .skeleton-line,
    .busy .state::before {
      animation: pulse 1.6s ease-in-out infinite;
    }
  }

  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }

  .message {
    margin: 0;
    max-width: 32em;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
