import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cardFormat, cardTextByWeight, cardTree, type CardNode, type ShareCard } from '../../src/lib/share-card';

describe('cardFormat', () => {
  it('makes a card with a portrait a JPEG at quality 82, served as .jpg', () => {
    expect(cardFormat(true)).toEqual({ format: 'jpeg', options: { quality: 82 }, extension: '.jpg', contentType: 'image/jpeg' });
  });

  it('keeps a text-only card a PNG, whose letters JPEG would blur', () => {
    expect(cardFormat(false)).toEqual({ format: 'png', options: { compressionLevel: 6 }, extension: '.png', contentType: 'image/png' });
  });

  it.each([true, false])('encodes (portrait: %s) to what its extension and content type name, with no metadata', async (hasPortrait) => {
    const { format, options, extension, contentType } = cardFormat(hasPortrait);
    // As the worker does it (src/data/share-images-worker.mjs).
    const bytes = await sharp({ create: { width: 120, height: 63, channels: 4, background: '#1f4e9c' } })
      .flatten({ background: '#ffffff' })
      .toFormat(format, options)
      .toBuffer();
    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe(format);
    expect(contentType).toBe(`image/${meta.format}`);
    expect(extension).toBe(meta.format === 'jpeg' ? '.jpg' : `.${meta.format}`);
    expect([meta.width, meta.height]).toEqual([120, 63]);
    expect([meta.exif, meta.xmp, meta.iptc, meta.icc]).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('cardTextByWeight', () => {
  /** Every text of the tree with the weight it is drawn in (satori's default is 400). */
  function drawnTexts(node: CardNode | string, weight = 400): { weight: number; text: string }[] {
    if (typeof node === 'string') return [{ weight, text: node }];
    const own = Number(node.props.style?.['fontWeight'] ?? weight);
    const children = node.props.children;
    return (Array.isArray(children) ? children : children === undefined ? [] : [children]).flatMap((child) => drawnTexts(child, own));
  }

  it.each([
    ['with a summary and portrait', { kind: '榜样人物', title: '王祥', summary: '勇敢上前夺刀', footer: '巡特警大队', portrait: 'data:', theme: '#1f4e9c' }],
    ['without a summary', { kind: '荣誉', title: '见义勇为表彰', footer: '巡特警大队', theme: '#1f4e9c' }],
  ] satisfies [string, ShareCard][])('names every character in the weight cardTree draws it (%s)', (_, card) => {
    const byWeight = cardTextByWeight(card);
    for (const { weight, text } of drawnTexts(cardTree(card, 'F'))) {
      expect(byWeight.find((part) => part.weight === weight)?.text, `${text} in ${weight}`).toContain(text);
    }
  });
});
