// The peers' feed adapter: fetch the same JSON feed as ours, and build each slide's content (photo, quote,
// name) with DOM methods (text is never parsed as HTML). The images get what ours gets: width and height,
// `decoding="async"`, the first one eager with a high fetch priority, the others `loading="lazy"`.

/** The testimonials of the feed at `url` (an array, or an object with `testimonials`). */
export async function loadTestimonials(url) {
  const response = await fetch(url, { credentials: 'omit' });
  const feed = await response.json();
  return Array.isArray(feed) ? feed : feed.testimonials;
}

const template = document.createElement('template');
template.innerHTML =
  '<figure class="t-fig"><div class="t-photo"><img decoding="async"></div>' +
  '<figcaption><blockquote class="t-quote"></blockquote><p class="t-name"></p></figcaption></figure>';

/** A <figure> for testimonial `index`. */
export function slideContent(testimonial, index) {
  const figure = template.content.firstElementChild.cloneNode(true);
  const img = figure.querySelector('img');
  const image = typeof testimonial.image === 'string' ? { src: testimonial.image } : testimonial.image;
  // `loading` before `src`: an image given a src first starts loading at once.
  if (index === 0) img.fetchPriority = 'high';
  else img.loading = 'lazy';
  if (image.width) img.width = image.width;
  if (image.height) img.height = image.height;
  img.alt = image.alt ?? testimonial.alt ?? '';
  img.src = image.src;
  figure.querySelector('.t-quote').textContent = testimonial.quote;
  figure.querySelector('.t-name').textContent = testimonial.name ?? '';
  return figure;
}

export const PER_VIEW = 3;
export const MAX_DOTS = 30;
