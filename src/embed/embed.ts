/**
 * The iframe embed (embed.html): one gallery filling the page, configured by the query string, telling
 * the parent page its height. For platforms that strip scripts from posts, where an iframe is allowed.
 *
 * Every height change of the document (first render, feed loaded, a narrower column) posts
 * `{ type: 'nwt-embed-height', height, id? }` to the parent with target origin `*`: the height is not a
 * secret, and the embed cannot know which site it is on. The parent checks `event.origin` (the snippet
 * from the embed builder does) and sets the iframe's height.
 *
 * A `#nwt-<id>` in the embed's URL opens that testimonial, as on any page: the builder's snippet copies
 * the parent page's hash onto the iframe's URL, on load and on every `hashchange` (a fragment change,
 * so the frame does not reload and the gallery hears its own `hashchange`).
 */
import { NotWithThemGallery } from '../notwiththem-gallery.js';
import { accentValue } from './contrast.js';
import { EMBED_MESSAGE_TYPE, readEmbedParams, type EmbedHeightMessage } from './params.js';

NotWithThemGallery.define();

const params = readEmbedParams(location.search, location.href);
for (const warning of params.warnings) console.warn(`<notwiththem-gallery> embed: ${warning}`);

const gallery = document.createElement('notwiththem-gallery');
// Without a feed address the embed shows nothing: an empty `src` makes the card say so (the `src` error).
for (const [name, value] of Object.entries({ src: '', ...params.attributes }))
  gallery.setAttribute(name, value);
// Shares must point at the post that embeds the gallery, not at this page. Without share-url, the best
// guess is the referrer (often only the embedding site's origin, under the default referrer policy).
if (!params.attributes['share-url'] && /^https?:/.test(document.referrer))
  gallery.setAttribute('share-url', document.referrer);
// The builder's accent, with the dark-theme counterpart its script-tag snippet gets too.
if (params.accent) gallery.style.setProperty('--nwt-accent', accentValue(params.accent));
if (params.attributes.lang) document.documentElement.lang = params.attributes.lang;
document.body.append(gallery);

if (window.parent !== window) {
  let last = -1;
  const post = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    // Before the gallery's first render the page is 0 px high: only real heights are posted.
    if (height === last || height <= 0) return;
    last = height;
    const message: EmbedHeightMessage = { type: EMBED_MESSAGE_TYPE, height };
    if (params.id) message.id = params.id;
    window.parent.postMessage(message, '*');
  };
  new ResizeObserver(post).observe(document.documentElement);
  post();
}
