/**
 * What each page says when it is shared: its share card, canonical URL and the path of its share
 * image. Profiles, honours and letters have a card of their own; every other page shares the
 * site's card.
 */
import { siteConfig } from 'virtual:honor-roll/context';
import { themePalette } from '../lib/color';
import { siteThemeColor } from '../lib/themes';
import { LETTER_KINDS } from '../lib/labels';
import { formatOptionalDate } from '../lib/partial-date';
import { cardFormat } from '../lib/share-card';
import { withBase } from '../lib/urls';
import type { CollectionName } from '../schemas/context';
import { getCatalog, type Catalog } from './catalog';
import { honorRecipients, letterAddressees, recipientsText } from './names';
import type { CardInput } from './share-images';

/** Collections whose entries get a share card of their own. */
export const CARD_COLLECTIONS = ['officers', 'honors', 'letters'] as const satisfies readonly CollectionName[];
type CardCollection = (typeof CARD_COLLECTIONS)[number];

/**
 * `/share/officers/wang-xiang.jpg`, `/share/honors/x.png`, `/share/site.png`: site paths of share
 * images. `portrait` is the photo the card shows (a profile's `photo`), which makes it a JPEG.
 */
export function shareImagePath(collection?: CardCollection, id?: string, portrait?: CardInput['portrait']): string {
  const { extension } = cardFormat(portrait !== undefined);
  return collection && id ? `/share/${collection}/${id}${extension}` : `/share/site${extension}`;
}

/** The absolute address of a site path, as shared and printed: https://example.gov.cn/base/path/. */
export function absoluteUrl(path: string): string {
  return new URL(withBase(path, siteConfig.base), siteConfig.url).href;
}

/**
 * The profiles, honours and letters that may be shared from this edition: in the intranet edition,
 * only those the public site has too. A card, poster or feed item of any other would point at a
 * public address that does not exist, and carry an unpublished name out of the intranet.
 */
export async function getShareable(): Promise<Pick<Catalog, CardCollection>> {
  const { officers, honors, letters, internalOnly } = await getCatalog();
  const publicToo = <E extends { id: string }>(collection: CardCollection, entries: E[]) => entries.filter((e) => !internalOnly.get(collection, e.id));
  return { officers: publicToo('officers', officers), honors: publicToo('honors', honors), letters: publicToo('letters', letters) };
}

export interface CardPage {
  /** Route parameter, the share image's path under /share/: `officers/wang-xiang.jpg` or `site.png`. */
  slug: string;
  card: CardInput;
}

const slugOf = (sharePath: string) => sharePath.slice('/share/'.length);

/** Every share card of the site, built once from the published catalog. */
export async function shareCards(): Promise<CardPage[]> {
  const { relations } = await getCatalog();
  const { officers, honors, letters } = await getShareable();
  const unitName = siteConfig.unitName ?? relations.root.data.name;
  const theme = themePalette(siteThemeColor(siteConfig)).normal.link;
  const footer = unitName;
  return [
    {
      slug: slugOf(shareImagePath()),
      card: { kind: siteConfig.title, title: unitName, summary: relations.root.data.summary ?? siteConfig.description, footer, theme },
    },
    ...officers.map((o) => ({
      slug: slugOf(shareImagePath('officers', o.id, o.data.photo)),
      card: { kind: '榜样人物', title: o.data.name, summary: o.data.summary, portrait: o.data.photo, portraitFocus: o.data.photoFocus, footer, theme },
    })),
    ...honors.map((h) => ({
      slug: slugOf(shareImagePath('honors', h.id)),
      card: {
        kind: `荣誉 · ${formatOptionalDate(h.data.date)}`,
        title: h.data.title,
        summary: [recipientsText(honorRecipients(h, relations)), h.data.awardedBy].filter(Boolean).join('　'),
        footer,
        theme,
      },
    })),
    ...letters.map((l) => {
      const to = letterAddressees(l, relations);
      const names = [...to.officers, ...to.units].map((t) => t.name).join('、');
      return {
        slug: slugOf(shareImagePath('letters', l.id)),
        card: {
          kind: `群众感谢 · ${LETTER_KINDS[l.data.kind]}`,
          title: l.data.inscription ?? l.data.summary,
          summary: l.data.inscription ? l.data.summary : `${l.data.from} 致 ${names}`,
          footer,
          theme,
        },
      };
    }),
  ];
}
