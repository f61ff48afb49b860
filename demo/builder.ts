// The embed builder: the form drives a live <notwiththem-gallery> and the three snippets.
import '../src/define.js';
import {
  embedAttributes,
  iframeSnippet,
  npmSnippet,
  scriptSnippet,
  type EmbedOptions,
  type HostedFiles,
} from '../src/embed/snippets.js';
import { EMBED_ATTRIBUTES } from '../src/embed/params.js';
import { SHARE_TARGETS, NETWORK_NAMES, isNetworkTarget } from '../src/share/targets.js';
import { copyText } from '../src/share/clipboard.js';
import type { NotWithThemGallery } from '../src/notwiththem-gallery.js';

const form = document.querySelector<HTMLFormElement>('#options')!;
const preview = document.querySelector<NotWithThemGallery>('#preview')!;
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
  };
}

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

/** The preview gets exactly the attributes the snippets carry. */
function update(): void {
  const current = options();
  const wanted = new Map(embedAttributes(current));
  for (const name of EMBED_ATTRIBUTES) {
    const value = wanted.get(name);
    if (value === undefined) preview.removeAttribute(name);
    else if (preview.getAttribute(name) !== value) preview.setAttribute(name, value);
  }
  preview.style.setProperty('--nwt-accent', current.accent ?? '');
  field('interval').disabled = !current.autoplay;
  const files = hostedFiles();
  field('snippet-script').textContent = scriptSnippet(current, files);
  field('snippet-npm').textContent = npmSnippet(current);
  field('snippet-iframe').textContent = iframeSnippet(current, files);
}

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
