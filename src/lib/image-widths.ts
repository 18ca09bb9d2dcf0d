/**
 * The `widths` and `width` of an <Image>: the widths asked for, none wider than the original,
 * and `width` set to the largest of them. Astro makes the `src` fallback at `width`, else at the
 * original's size — a third file per image, as wide as the upload, that no browser with srcset
 * ever fetches. With `width` at the largest width, `src` is the largest srcset file itself.
 */
export function imageWidths(original: { width: number }, widths: readonly number[]): { widths: number[]; width: number } {
  const width = Math.min(Math.max(...widths), original.width);
  return { widths: [...new Set([...widths.filter((w) => w < width), width])].sort((a, b) => a - b), width };
}
