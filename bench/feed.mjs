// The benchmark's feed of N testimonials, shared by bench/run.mjs (which serves it) and
// bench/parse-speed.mjs (which times parseFeed on it). Deterministic: the same N gives the same JSON.
// Every testimonial has its own image URL, /img/<i>.webp, which the benchmark serves from the six 480px
// demo photos in turn, with their sizes.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The demo photos /img/<i>.webp stands for, in turn (file names in demo/photos/). */
export const photos = readdirSync(join(root, 'demo/photos'))
  .filter((f) => f.endsWith('-480.webp'))
  .sort();
/** The photos that are not 480×360. */
const photoSize = { 'laura-vilches-9b3161aa-480.webp': [480, 640] };

const reasons = [
  'workers, not bosses, must decide',
  'we are not their backyard',
  'they represent the capitalist class',
  'public education is not for sale',
  'our wages are not their bargaining chip',
  'the debt was never ours and we will not pay it with our lives, our schools or our hospitals',
  'they sent the police against the teachers who marched for a raise',
  'no one voted for the hunger they planned in their offices',
  'the land belongs to those who work it',
  'we remember who signed the layoffs, and we will not forget at the next election or the one after',
  'science needs funding, not speeches',
  'they close factories and call it progress',
];
const people = [
  'Raúl',
  'Noelia',
  'Laura',
  'Macarena',
  'Nicolás',
  'Myriam',
  'Alejandro',
  'Celeste',
  'Luca',
  'Romina',
  'Christian',
  'Patricia',
];
const roles = [
  'student',
  'teacher',
  'nurse',
  'ceramics worker',
  'legislator',
  'railway worker',
  'researcher',
];

/** `{ title, hashtag, testimonials }` with `count` testimonials (about 290 bytes of JSON each). */
export function makeFeed(count) {
  const testimonials = Array.from({ length: count }, (_, i) => {
    const name = `${people[i % people.length]} ${String.fromCharCode(65 + ((i * 7) % 26))}.`;
    const quote = `#NotWithThem because ${reasons[(i * 5) % reasons.length]}`;
    const [width, height] = photoSize[photos[i % photos.length]] ?? [480, 360];
    return {
      id: `t${i}`,
      image: {
        src: `/img/${i}.webp`,
        alt: `${name}, a ${roles[i % roles.length]}, holds a sign: ${quote}`,
        width,
        height,
      },
      quote,
      name,
    };
  });
  return { title: 'Why we are #NotWithThem', hashtag: 'NotWithThem', testimonials };
}
