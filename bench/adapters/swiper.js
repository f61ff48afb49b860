// Swiper Element (swiper/element/bundle): <swiper-container> with one <swiper-slide> per testimonial.
import { loadTestimonials, slideContent, PER_VIEW, MAX_DOTS } from './feed.js';

const host = document.getElementById('gallery');
const items = await loadTestimonials(host.dataset.feed);
const swiper = document.createElement('swiper-container');
swiper.setAttribute('init', 'false');
items.forEach((testimonial, index) => {
  const slide = document.createElement('swiper-slide');
  slide.append(slideContent(testimonial, index));
  swiper.append(slide);
});
Object.assign(swiper, {
  slidesPerView: PER_VIEW,
  slidesPerGroup: PER_VIEW,
  spaceBetween: 16,
  navigation: true,
  pagination: items.length > MAX_DOTS ? { type: 'fraction' } : { clickable: true },
  a11y: true,
});
host.append(swiper);
swiper.initialize();
