// Shoelace: <sl-carousel navigation pagination> with one <sl-carousel-item> per testimonial.
import { loadTestimonials, slideContent, PER_VIEW } from './feed.js';

const host = document.getElementById('gallery');
const items = await loadTestimonials(host.dataset.feed);
const carousel = document.createElement('sl-carousel');
carousel.setAttribute('navigation', '');
carousel.setAttribute('pagination', '');
carousel.setAttribute('slides-per-page', String(PER_VIEW));
carousel.setAttribute('slides-per-move', String(PER_VIEW));
carousel.setAttribute('aria-label', 'Testimonials');
items.forEach((testimonial, index) => {
  const slide = document.createElement('sl-carousel-item');
  slide.append(slideContent(testimonial, index));
  carousel.append(slide);
});
host.append(carousel);
