/**
 * The layout of a share card (1200×630, the size WeChat, Weibo and every `og:image` reader
 * expect): what it says, as an element tree for satori. Pure: text and colours in, tree out.
 */
import type { CardFontWeight } from './cjk-font';

/** What a card shows. */
export interface ShareCard {
  /** Small label above the title: 榜样人物, 荣誉, 群众感谢 … */
  kind: string;
  /** The name or title, large. */
  title: string;
  /** One to three lines under the title. */
  summary?: string | undefined;
  /** The unit and site at the bottom. */
  footer: string;
  /** `data:` URI of a portrait, already cropped to 4:5. */
  portrait?: string | undefined;
  /** Theme colour (#rrggbb), readable against white. */
  theme: string;
}

/** A node as satori reads it: React's element shape, without React. */
export interface CardNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: (CardNode | string)[] | CardNode | string; src?: string; width?: number; height?: number };
}

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** How a card is encoded and served: the encoder (a sharp format with its options), extension and content type. */
export interface CardFormat {
  format: 'jpeg' | 'png';
  options: { quality: number } | { compressionLevel: number };
  extension: '.jpg' | '.png';
  contentType: 'image/jpeg' | 'image/png';
}

/**
 * A card with a photograph is a sixth of the size as JPEG and faster to encode; a text-only card
 * is no smaller as JPEG and would blur its letters (measured: docs/performance.md, "Share card
 * format"). Plain libjpeg at 82, not mozjpeg: five times the time for a fifth less. zlib level 6,
 * not 9: 1% larger, a third of the time. Every platform that reads `og:image` takes either.
 */
export function cardFormat(hasPortrait: boolean): CardFormat {
  return hasPortrait
    ? { format: 'jpeg', options: { quality: 82 }, extension: '.jpg', contentType: 'image/jpeg' }
    : { format: 'png', options: { compressionLevel: 6 }, extension: '.png', contentType: 'image/png' };
}

const node = (type: string, style: CardNode['props']['style'], children?: CardNode['props']['children']): CardNode => ({
  type,
  props: { style: { display: 'flex', ...style }, ...(children !== undefined ? { children } : {}) },
});

/**
 * Every character drawn on a card, by the weight it is drawn in (cardTree's kind and title bold,
 * the rest regular): the font pieces for exactly these, in that weight, are loaded.
 */
export function cardTextByWeight(card: ShareCard): { weight: CardFontWeight; text: string }[] {
  return [
    { weight: 700, text: card.kind + card.title },
    { weight: 400, text: (card.summary ?? '') + card.footer },
  ];
}

/** Every character drawn on a card. */
export function cardText(card: ShareCard): string {
  return cardTextByWeight(card)
    .map(({ text }) => text)
    .join('');
}

/** Long titles get a smaller size so they still fit two lines. */
export function titleSize(title: string, hasPortrait: boolean): number {
  const perLine = hasPortrait ? 9 : 14;
  if (title.length <= perLine) return 76;
  if (title.length <= perLine * 2) return 60;
  return 48;
}

/** `fontFamily` lists the font pieces loaded for this card's characters, in fallback order. */
export function cardTree(card: ShareCard, fontFamily: string): CardNode {
  const text = node(
    'div',
    { flexDirection: 'column', flex: 1, padding: card.portrait ? '64px 64px 48px 48px' : '72px 80px 48px 80px', minWidth: 0 },
    [
      node('div', { fontSize: 30, fontWeight: 700, color: card.theme, letterSpacing: 2 }, card.kind),
      node('div', { fontSize: titleSize(card.title, card.portrait !== undefined), fontWeight: 700, color: '#111111', lineHeight: 1.2, marginTop: 20, lineClamp: 2 }, card.title),
      ...(card.summary ? [node('div', { fontSize: 34, color: '#333333', lineHeight: 1.5, marginTop: 28, lineClamp: 3 }, card.summary)] : []),
      node('div', { marginTop: 'auto', paddingTop: 24, borderTop: '3px solid #dddddd', fontSize: 28, color: '#444444' }, card.footer),
    ],
  );
  const portrait = card.portrait
    ? [
        {
          type: 'img',
          props: { src: card.portrait, width: 360, height: 450, style: { margin: '90px 0 0 64px', borderRadius: 16, objectFit: 'cover' } },
        } satisfies CardNode,
      ]
    : [];
  return node('div', { width: CARD_WIDTH, height: CARD_HEIGHT, background: '#ffffff', fontFamily }, [
    node('div', { width: 24, height: CARD_HEIGHT, background: card.theme }),
    ...portrait,
    text,
  ]);
}
