/** The share images (1200×630 PNG), one per profile, honour and letter, and one for the site. */
import type { APIRoute } from 'astro';
import { shareCards, type CardPage } from '../../data/share';
import { renderShareImage } from '../../data/share-images';

export async function getStaticPaths() {
  return (await shareCards()).map(({ slug, card }) => ({ params: { card: slug }, props: { card } }));
}

export const GET: APIRoute<{ card: CardPage['card'] }> = async ({ props }) =>
  new Response(new Uint8Array(await renderShareImage(props.card)), { headers: { 'Content-Type': 'image/png' } });
