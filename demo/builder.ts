// The embed builder: the form drives the three snippets, and the preview is the snippets' own element
// markup, parsed; its measured height is the iframe snippet's starting height.
import '../src/define.js';
import { accentPair, BACKGROUNDS, contrastRatio, MIN_CONTRAST } from '../src/embed/contrast.js';
import {
  elementMarkup,
  iframeSnippet,
  npmSnippet,
  scriptSnippet,
  type EmbedOptions,
  type HostedFiles,
} from '../src/embed/snippets.js';
import { SHARE_TARGETS, NETWORK_NAMES, isNetworkTarget } from '../src/share/targets.js';
import { copyText } from '../src/share/clipboard.js';
import type { NotWithThemGallery } from '../src/notwiththem-gallery.js';

const form = document.querySelector<HTMLFormElement>('#options')!;
const preview = document.querySelector<NotWithThemGallery>('#preview')!;
const column = document.querySelector<HTMLDivElement>('#preview-column')!;
const field = <T extends HTMLElement = HTMLInputElement>(id: string) => document.getElementById(id) as T;

const TARGET_LABELS: Record<string, string> = { native: 'Share sheet', email: 'Email', copy: 'Copy link' };
const targetsBox = field<HTMLFieldSetElement>('share-targets');
const targetList = document.createElement('div');
targetList.className = 'targets';
for (const target of SHARE_TARGETS) {
  const label = document.createElement('label');
  label.className = 'check';
  const box = document.createElement('input');
  Object.assign(box, { type: 'checkbox', name: 'share', value: target, checked: true });
  label.append(
    box,
    ` ${isNetworkTarget(target) ? NETWORK_NAMES[target] : (TARGET_LABELS[target] ?? target)}`,
  );
  targetList.append(label);
}
targetsBox.append(targetList);

field('src').value = new URL('./testimonials.json', location.href).href;
field('host').value = new URL('../dist/', location.href).href;

function options(): EmbedOptions {
  const checked = [...form.querySelectorAll<HTMLInputElement>('input[name="share"]')]
    .filter((box) => box.checked)
    .map((box) => box.value);
  const seconds = Number(field('interval').value);
  return {
    src: field('src').value,
    label: field('label').value,
    shareUrl: field('share-url').value,
    lang: field<HTMLSelectElement>('lang').value,
    theme: field<HTMLSelectElement>('theme').value as EmbedOptions['theme'],
    accent: field('accent').value,
    autoplay: field('autoplay').checked,
    interval: Number.isFinite(seconds) && seconds >= 2 ? Math.round(seconds * 1000) : undefined,
    loop: field('loop').checked,
    share: checked.length === SHARE_TARGETS.length ? undefined : checked,
    firstPhoto: firstPhoto(),
  };
}

/**
 * The photo the snippet's gallery shows first, as the preview read it from the feed: only when it opens
 * on the feed's first testimonial whatever the page's width (no `start`), so the snippet can carry it as
 * the gallery's poster.
 */
function firstPhoto(): EmbedOptions['firstPhoto'] {
  const image = preview.src === field('src').value && !preview.start ? preview.items[0]?.image : undefined;
  return image && { src: image.src, srcset: image.srcset, sizes: image.sizes, focus: image.focus };
}
// A newly loaded feed may start with another photo.
preview.addEventListener('nwt-load', () => update());

function hostedFiles(): HostedFiles {
  let base: URL;
  try {
    base = new URL(field('host').value || '../dist/', location.href);
  } catch {
    base = new URL('../dist/', location.href);
  }
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return {
    bundle: new URL('notwiththem-gallery.bundle.js', base).href,
    embed: new URL('embed.html', base).href,
  };
}

/** The element the snippets write, parsed as a page would parse it (never connected, so never run). */
function snippetElement(markup: string): Element {
  const template = document.createElement('template');
  template.innerHTML = markup;
  return template.content.firstElementChild!;
}

/**
 * The preview takes exactly the attributes (style included) of the snippets' element: whatever the
 * snippets hand out is what the preview shows, in both themes.
 */
function syncPreview(markup: string): void {
  const wanted = snippetElement(markup);
  for (const { name } of [...preview.attributes])
    if (name !== 'id' && !wanted.hasAttribute(name)) preview.removeAttribute(name);
  for (const { name, value } of wanted.attributes)
    if (preview.getAttribute(name) !== value) preview.setAttribute(name, value);
}

const ratio = (value: number) => `${value.toFixed(1)}:1`;

/** The accent's contrast in each theme, and a warning where it is below 4.5:1. */
function describeAccent(accent: string): void {
  const { light, dark, lightRatio, darkRatio } = accentPair(accent);
  const out = field<HTMLParagraphElement>('accent-contrast');
  const lightText =
    lightRatio < MIN_CONTRAST
      ? `Warning: ${ratio(lightRatio)} on the light background, below ${MIN_CONTRAST}:1: links and buttons in this colour are hard to read there. Pick a darker colour.`
      : `Light theme: ${ratio(lightRatio)} on white.`;
  const darkText =
    dark === light
      ? `Dark theme: ${ratio(darkRatio)}, used as it is.`
      : `Dark theme: ${dark} (${ratio(darkRatio)}), a lighter counterpart, since ${light} is ${ratio(contrastRatio(light, BACKGROUNDS.dark))} there.`;
  out.textContent = `${lightText} ${darkText}`;
  out.classList.toggle('warning', lightRatio < MIN_CONTRAST);
}

function update(): void {
  const current = options();
  syncPreview(elementMarkup(current));
  describeAccent(current.accent ?? '#b3122e');
  const width = Number(field('width').value);
  column.style.width = Number.isFinite(width) && width >= 280 ? `${Math.round(width)}px` : '';
  field('interval').disabled = !current.autoplay;
  const files = hostedFiles();
  field('snippet-script').textContent = scriptSnippet(current, files);
  field('snippet-npm').textContent = npmSnippet(current);
  updateFrame();
}

/** The iframe snippet, starting at the preview's height as measured now. */
function updateFrame(): void {
  const { width, height } = preview.getBoundingClientRect();
  const frameHeight = Math.ceil(height);
  field('snippet-iframe').textContent = iframeSnippet({ ...options(), frameHeight }, hostedFiles());
  field('preview-size').textContent =
    `${Math.round(width)} × ${frameHeight} px: the iframe snippet starts at this height.`;
}
new ResizeObserver(updateFrame).observe(preview);

form.addEventListener('input', update);
form.addEventListener('change', update);
form.addEventListener('submit', (event) => event.preventDefault());

const status = field<HTMLParagraphElement>('copy-status');
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  button.addEventListener('click', async () => {
    const text = field(button.dataset.copy!).textContent ?? '';
    const title = button.getAttribute('aria-describedby');
    const what = title ? field(title).textContent : 'Snippet';
    status.textContent = (await copyText(text))
      ? `${what}: copied.`
      : `${what}: could not copy; select the text and copy it by hand.`;
  });
}

update();
