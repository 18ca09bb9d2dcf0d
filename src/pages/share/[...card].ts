/**
 * The share images (1200×630), one per profile, honour and letter, and one for the site: JPEG for
 * a card with a portrait, PNG for a text-only one (cardFormat in src/lib/share-card.ts). The
 * extension is part of the parameter (`officers/wang-xiang.jpg`), so each card is written under
 * the name its format calls for.
 */
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

export const GET: APIRoute<{ card: CardPage['card'] }> = async ({ props }) => {
  const { bytes, contentType } = await renderShareImage(props.card);
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': contentType } });
};
