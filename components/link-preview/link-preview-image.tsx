/** The link-preview card (public/opengraph-image.png, drawn by `npm run icons`). */
const IMAGE = {
  path: "/opengraph-image.png",
  width: 1200,
  height: 630,
  alt: "fal LoRA playground: image-to-image with Stable Diffusion and SDXL, LoRAs, ControlNets and IP adapters on fal.",
};

/**
 * The image of `/`'s link previews. The page is prerendered, so its URL cannot come from the host a
 * visitor reached: it is absolute with PUBLIC_ORIGIN (read at build), root-relative without, which
 * some crawlers resolve against the page and others ignore. Next's metadata API would instead guess
 * http://localhost. React moves these tags into <head>.
 */
export function LinkPreviewImage({ publicOrigin }: { publicOrigin: string | undefined }) {
  const url = `${publicOrigin ?? ""}${IMAGE.path}`;
  return (
    <>
      <meta property="og:image" content={url} />
      <meta property="og:image:type" content="image/png" />
      <meta property="og:image:width" content={String(IMAGE.width)} />
      <meta property="og:image:height" content={String(IMAGE.height)} />
      <meta property="og:image:alt" content={IMAGE.alt} />
      <meta name="twitter:image" content={url} />
      <meta name="twitter:image:alt" content={IMAGE.alt} />
    </>
  );
}
