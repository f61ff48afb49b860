/**
 * sharp's attention strategy, in one place: the share cards crop with it, and every photo's focal point
 * (the feed's `image.focus`) is where it looks. It scores luminance frequency, saturation and skin
 * tones, so on a photo of people holding a sign it lands on the faces and the sign.
 */
import type { OutputInfo, Sharp } from 'sharp';

/** `image` resized to cover `width`×`height`, cropped around its most salient region. */
export const attentionCover = (image: Sharp, width: number, height: number): Sharp =>
  image.resize(width, height, { fit: 'cover', position: 'attention' });

/**
 * The focal point of an upright picture as the feed writes it: `"x% y%"`, whole percentages of its
 * width and height. Used as CSS `object-position`, that value always keeps the point in the box, for
 * any box.
 *
 * On the whole of a portrait photo of someone holding a sign, attention lands on the sign's lettering
 * (the demo's portrait: 63% 63%, below her chin), and a portrait is exactly the photo a landscape box
 * crops top and bottom. The face is above the sign: for a portrait, the point is looked for in the
 * upper half (the demo's portrait: 50% 22%, her face; the sign then shows below it as far as the box
 * allows). A landscape or square photo is looked at whole.
 *
 * libvips finds the point only when it has something to crop, so the region looked at is cropped to
 * three quarters of its height, at its own width (no resampling): the point is then in its pixels.
 */
export async function attentionFocus(image: Sharp, width: number, height: number): Promise<string> {
  const region = height > width ? Math.max(1, Math.floor(height / 2)) : height;
  const { info } = await attentionCover(
    image.extract({ left: 0, top: 0, width, height: region }),
    width,
    Math.max(1, Math.floor(region * 0.75)),
  )
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { attentionX, attentionY } = info as OutputInfo;
  if (attentionX === undefined || attentionY === undefined) return '50% 50%';
  const percent = (at: number, size: number) => Math.min(100, Math.max(0, Math.round((at / size) * 100)));
  return `${percent(attentionX, width)}% ${percent(attentionY, height)}%`;
}
