// Splide: section.splide > .splide__track > ul.splide__list > li.splide__slide, then `mount()`.
import { loadTestimonials, slideContent, PER_VIEW } from './feed.js';

const host = document.getElementById('gallery');
const items = await loadTestimonials(host.dataset.feed);
const root = document.createElement('section');
root.className = 'splide';
root.setAttribute('aria-label', 'Testimonials');
const track = root.appendChild(document.createElement('div'));
track.className = 'splide__track';
const list = track.appendChild(document.createElement('ul'));
list.className = 'splide__list';
items.forEach((testimonial, index) => {
  const slide = document.createElement('li');
  slide.className = 'splide__slide';
  slide.append(slideContent(testimonial, index));
  list.append(slide);
});
host.append(root);
new window.Splide(root, {
  perPage: PER_VIEW,
  perMove: PER_VIEW,
  gap: '1rem',
  arrows: true,
  pagination: true,
}).mount();
