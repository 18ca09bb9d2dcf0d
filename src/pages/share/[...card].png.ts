/** The share images (1200×630 PNG), one per profile, honour and letter, and one for the site. */
import type { APIRoute } from 'astro';
import { shareCards, type CardPage } from '../../data/share';
import { prepareShareImages, renderShareImage } from '../../data/share-images';

export async function getStaticPaths() {
  const cards = await shareCards();
  // A build renders every card: drawing starts now on every core, ahead of the pages asking for
  // them. The dev server asks for one card at a time, and only draws that one.
  if (import.meta.env.PROD) prepareShareImages(cards.map(({ card }) => card));
  return cards.map(({ slug, card }) => ({ params: { card: slug }, props: { card } }));
}

export const GET: APIRoute<{ card: CardPage['card'] }> = async ({ props }) =>
  new Response(new Uint8Array(await renderShareImage(props.card)), { headers: { 'Content-Type': 'image/png' } });
