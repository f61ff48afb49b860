/**
 * JSX typings for React 19, which sets a custom element's props as properties when the element has them
 * (so `testimonials={[…]}` and `autoplay` work) and listens to `on<event-name>` props (`onnwt-load`).
 * Opt in with one line in any file of the app (the package does not depend on React):
 *
 * ```ts
 * import type {} from 'notwiththem-gallery/react';
 * ```
 *
 * React 19 reads intrinsic elements from `React.JSX` (the global `JSX` namespace is gone), hence the module
 * augmentation below. Shipped as dist/esm/react.d.ts by scripts/build.mjs.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { NotWithThemGallery } from './notwiththem-gallery.js';

/** The element's properties, each optional; React 19 sets them as properties. */
export type NotWithThemGalleryProps = Partial<
  Pick<
    NotWithThemGallery,
    | 'src'
    | 'start'
    | 'autoplay'
    | 'interval'
    | 'loop'
    | 'share'
    | 'shareUrl'
    | 'hashtag'
    | 'lang'
    | 'label'
    | 'theme'
    | 'fit'
    | 'testimonials'
    | 'strings'
  >
>;

/** `on<event>` props for every `nwt-*` event of the element, typed with its detail. */
export type NotWithThemGalleryEventProps = {
  [K in keyof HTMLElementEventMap as K extends `nwt-${string}` ? `on${K}` : never]?: (
    event: HTMLElementEventMap[K],
  ) => void;
};

/** Everything `<notwiththem-gallery>` accepts in JSX. */
export type NotWithThemGalleryJsxProps = DetailedHTMLProps<
  HTMLAttributes<NotWithThemGallery>,
  NotWithThemGallery
> &
  NotWithThemGalleryProps &
  NotWithThemGalleryEventProps & {
    /** The attribute spelling of `shareUrl`. */
    'share-url'?: string | null;
  };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'notwiththem-gallery': NotWithThemGalleryJsxProps;
    }
  }
}
