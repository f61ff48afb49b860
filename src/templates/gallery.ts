/**
 * The gallery in each state, from the plain input the element builds at each render: a state's message
 * over the skeleton, or the carousel (track, controls, Start / Stop, the dialog).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { pageStart } from '../carousel/paging.js';
import { renderedRange } from '../carousel/rendered-range.js';
import { renderControls, renderRotation, type ControlsInput } from './controls.js';
import { renderDialog } from './dialog.js';
import { renderFrame, renderSkeleton, type FrameInput } from './states.js';
import { renderSlide, type SlideInput } from './testimonial.js';
import { renderTrack, type TrackInput } from './track.js';

/** What every state's frame shows around its viewport. */
export type FrameParts = Omit<FrameInput, 'viewport' | 'controls' | 'rotation'>;

/** A state without slides: its message over the skeleton (`poster`: the page's in the first box). */
export function renderState(frame: FrameParts, message: TemplateResult, poster?: boolean): TemplateResult {
  return renderFrame({ ...frame, viewport: renderSkeleton(message, poster) });
}

export interface ReadyInput
  extends
    FrameParts,
    ControlsInput,
    Omit<TrackInput, 'range' | 'renderSlide'>,
    Omit<SlideInput, 'testimonial' | 'index'> {
  /** The first slide under the scroll position: a large feed renders around it too. */
  scrolled: number;
  /** The Start / Stop button shows (`autoplay`, or rotation was started); `playing` says which. */
  rotationShown: boolean;
  playing: boolean;
  /** The testimonial open in the dialog, or -1. */
  openIndex: number;
  onToggleRotation(): void;
  onDialogClose(): void;
}

/** The carousel of a feed with testimonials: the frame around the track and controls, and the dialog. */
export function renderReady(input: ReadyInput): TemplateResult {
  const { items, paging, active } = input;
  const track = renderTrack({
    ...input,
    range: renderedRange(pageStart(active, paging), input.scrolled, paging.perView, paging.count),
    renderSlide: (testimonial, index) => renderSlide({ ...input, testimonial, index }),
  });
  const rotation = input.rotationShown
    ? renderRotation(input.playing, input.strings, input.onToggleRotation)
    : nothing;
  const index = input.openIndex;
  const open = items[index];
  const dialog = renderDialog(open && { ...input, testimonial: open, index }, input.onDialogClose);
  return html`
    ${renderFrame({ ...input, viewport: track, controls: renderControls(input), rotation })}
    ${dialog}
  `;
}
