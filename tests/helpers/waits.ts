// Waits for states and events, never for a fixed time: a loaded machine makes every fixed wait either
// too short (flaky) or too long (slow). Each wait here ends on what it waits for, or fails after a
// deadline that only bounds a broken run.
//
//   await until(() => el.currentIndex === 2, 'never reached slide 3');
//   await stable(() => JSON.stringify(el.getBoundingClientRect()), 'the layout kept moving');
//   await nextTask(); // lets a task queued before this one run (an unhandled rejection's report)

import { waitUntil as waitUntilWithin } from '@open-wc/testing';

/**
 * @open-wc's `waitUntil` with a 5 s deadline instead of its 1 s default: a loaded machine can take more
 * than a second to render, load a photo or answer a request, and the deadline only bounds a broken run.
 */
export function waitUntil(
  ...[predicate, message, options]: Parameters<typeof waitUntilWithin>
): Promise<void> {
  return waitUntilWithin(predicate, message, { timeout: 5000, ...options });
}

/** One animation frame of `win` (an iframe's window has frames of its own). */
export const frame = (win: Window = window) =>
  new Promise<number>((resolve) => win.requestAnimationFrame(resolve));

/**
 * One turn of the task queue: resolves from a task queued now, so tasks queued before it (a rejection
 * report, an observer delivery) have had their turn. Unlike `setTimeout(0)` it is not clamped and fake
 * timers do not hold it.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export interface WaitOptions {
  /** Deadline in ms, only for a broken run. Default 5000. */
  timeout?: number;
  /** Whose animation frames to poll on. Default this window. */
  win?: Window;
}

/**
 * Resolves once `condition` holds, checked every animation frame. Unlike @open-wc's `waitUntil` it
 * leaves no timer behind and works under fake timers.
 */
export async function until(
  condition: () => unknown,
  message: string,
  { timeout = 5000, win = window }: WaitOptions = {},
): Promise<void> {
  const deadline = performance.now() + timeout;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(message);
    await frame(win);
  }
}

/**
 * Resolves once `read()` gives the same value over `frames` animation frames in a row (the frames after
 * a change count from the change): a layout, a scroll position or a list of requests that stopped moving.
 */
export async function stable(
  read: () => unknown,
  message: string,
  { frames = 3, timeout = 5000, win = window }: WaitOptions & { frames?: number } = {},
): Promise<void> {
  const deadline = performance.now() + timeout;
  let last = JSON.stringify(read());
  let still = 0;
  while (still < frames) {
    if (performance.now() > deadline) throw new Error(message);
    await frame(win);
    const now = JSON.stringify(read());
    still = now === last ? still + 1 : 0;
    last = now;
  }
}

/** What may still move a rendered element: a pending render, and every box. */
function restSignature(el: Element): unknown {
  const root = el.shadowRoot ?? el;
  const boxes = [el, ...root.querySelectorAll('[part]')].map((node) => {
    const { x, y, width, height } = node.getBoundingClientRect();
    return [x, y, width, height];
  });
  return [(el as Element & { isUpdatePending?: boolean }).isUpdatePending, boxes];
}

/**
 * Resolves once a rendered element is at rest: no render pending, and its box and every part's box
 * unchanged over `frames` animation frames (ResizeObserver measures and the renders they ask for run
 * within a frame of a change). Photos are not waited for: lazy ones out of view never load.
 */
export function atRest(
  el: Element,
  message = 'the element never came to rest',
  options: WaitOptions & { frames?: number } = {},
): Promise<void> {
  return stable(() => restSignature(el), message, { frames: 3, ...options });
}

/**
 * Resolves once Resource Timing has every request that completed before this call: a request of our own,
 * sent now, must show up in it (entries are added in the order responses complete, so a request of the
 * page that ended earlier is in). For "no request was made" checks. Returns the marker's URL, for a
 * PerformanceObserver to wait for in turn.
 */
export async function requestsRecorded(win: Window = window): Promise<string> {
  const url = new URL(`/tests/fixtures/photos/sign-1.svg?recorded=${Math.random()}`, win.location.href).href;
  await (await win.fetch(url, { cache: 'no-store' })).arrayBuffer();
  await until(
    () => win.performance.getEntriesByName(url).length > 0,
    'the marker request was never recorded',
    { win },
  );
  return url;
}
