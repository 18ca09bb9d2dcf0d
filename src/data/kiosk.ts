/**
 * The items of the 荣誉室 screen (`/kiosk/`), built from the published catalog: the same entries,
 * names and addresses as the rest of the site, so the screen cannot show what the site does not.
 */
import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';
import { imageWidths } from '../lib/image-widths';
import { chooseSlides, relativePath, type KioskSlide } from '../lib/kiosk';
import { focusClass, type PhotoFocus } from '../lib/photo-focus';
import { HONOR_LEVELS, HONOR_SCOPES, LETTER_KINDS, OFFICER_ROLES } from '../lib/labels';
import { formatOptionalDate } from '../lib/partial-date';
import { qrSvg } from './qr';
import { formatPeriod } from '../lib/stats-series';
import { entryPath } from '../lib/urls';
import type { Count } from '../lib/chinese-number';
import { getCatalog } from './catalog';
import { honorRecipients, letterAddressees, recipientsText, unitLabel } from './names';
import { absoluteUrl } from './share';
import { href, PORTRAIT_WIDTHS, siteConfig } from './site';

/** The screen's own address. */
export const KIOSK_PATH = '/kiosk/';

export interface KioskPicture {
  /** Relative to the screen's page, so a copy opened from the disk finds it. */
  src: string;
  alt: string;
  width: number;
  height: number;
  /** The portrait's crop (photoFocus); none for scans and certificates, which are shown whole. */
  focus?: string;
}

export interface KioskItem {
  /** The element id of the item on the page: `k-officers-wang-xiang`. */
  key: string;
  slide: KioskSlide;
  /** What it is, above the title: 榜样人物, 荣誉, 感谢信. */
  kind: string;
  title: string;
  /** One line under the title: post and unit, date and awarding body. */
  meta?: string | undefined;
  /** The words on a banner, shown large. */
  inscription?: string | undefined;
  summary?: string | undefined;
  /** Further facts, shown when the item is opened. */
  facts: { term: string; value: string }[];
  figures?: (Count & { key: string; label: string })[];
  picture?: KioskPicture | undefined;
  /** The page's absolute address and its QR code; none for an entry the public site does not have. */
  link?: { url: string; qr: string } | undefined;
  /** Intranet edition, an entry the public site does not have: why (本人尚未同意公开，…). */
  internalOnly?: string | undefined;
}

/** A picture of the item; `crop` for a portrait, which fills its frame around its focal point. */
async function picture(image: ImageMetadata | undefined, alt: string | undefined, widths: readonly number[], crop?: { focus: PhotoFocus | undefined }): Promise<KioskPicture | undefined> {
  if (!image) return undefined;
  // The same options as the site's own <Image> of this file, so no new image file is made.
  const { src, attributes } = await getImage({ src: image, ...imageWidths(image, widths) });
  return {
    src: relativePath(href(KIOSK_PATH), src),
    alt: alt ?? '',
    width: Number(attributes.width),
    height: Number(attributes.height),
    ...(crop ? { focus: focusClass(crop.focus) } : {}),
  };
}

async function link(path: string, title: string): Promise<KioskItem['link']> {
  const url = absoluteUrl(path);
  return { url, qr: await qrSvg(url, { size: 240, label: `“${title}”网页的二维码` }) };
}

/** Every item of the loop, in the loop's order. */
export async function kioskItems(): Promise<KioskItem[]> {
  const { officers, honors, letters, relations, internalOnly } = await getCatalog();
  const root = relations.root;
  const latest = relations.ofUnit(root.id).stats[0];
  const unitName = siteConfig.unitName ?? root.data.name;
  const slides = chooseSlides({ officers, honors, letters, figures: latest !== undefined });
  // An entry the public edition leaves out (intranet edition) has no public address to scan: it
  // says why instead, as its page does.
  const linkTo = async (collection: 'officers' | 'honors' | 'letters' | 'stats', id: string, title: string): Promise<Pick<KioskItem, 'link' | 'internalOnly'>> => {
    const mark = internalOnly.get(collection, id);
    return mark ? { internalOnly: mark.reason } : { link: await link(entryPath(collection, id), title) };
  };

  return Promise.all(
    slides.map(async (slide): Promise<KioskItem> => {
      switch (slide.kind) {
        case 'unit':
          return { key: 'k-unit', slide, kind: siteConfig.title, title: unitName, summary: root.data.summary, facts: [], link: await link('/', siteConfig.title) };
        case 'figures': {
          const stat = latest!;
          return {
            key: 'k-figures',
            slide,
            kind: '工作数据',
            title: stat.data.title,
            meta: formatPeriod(stat.data.period),
            facts: [],
            figures: stat.data.metrics,
            ...(await linkTo('stats', stat.id, stat.data.title)),
          };
        }
        case 'officers': {
          const { data } = relations.officer(slide.id)!;
          const unit = relations.unit(data.unit.id);
          const honorTitles = relations.ofOfficer(slide.id).honors.map((h) => h.data.title);
          return {
            key: `k-officers-${slide.id}`,
            slide,
            kind: '榜样人物',
            title: data.name,
            meta: [unit && unitLabel(unit), data.title ?? OFFICER_ROLES[data.role]].filter(Boolean).join(' · '),
            summary: data.summary,
            facts: [
              ...(data.tags.length > 0 ? [{ term: '关键词', value: data.tags.join('、') }] : []),
              ...(honorTitles.length > 0 ? [{ term: '所获荣誉', value: honorTitles.join('；') }] : []),
            ],
            picture: await picture(data.photo, data.photoAlt, PORTRAIT_WIDTHS, { focus: data.photoFocus }),
            ...(await linkTo('officers', slide.id, data.name)),
          };
        }
        case 'honors': {
          const honor = honors.find((h) => h.id === slide.id)!;
          const { data } = honor;
          const recipients = recipientsText(honorRecipients(honor, relations));
          return {
            key: `k-honors-${slide.id}`,
            slide,
            kind: `荣誉 · ${HONOR_SCOPES[data.scope]}`,
            title: data.title,
            meta: [formatOptionalDate(data.date), data.awardedBy].filter(Boolean).join(' · '),
            summary: data.summary,
            facts: [
              ...(recipients ? [{ term: '获奖', value: recipients }] : []),
              ...(data.level ? [{ term: '级别', value: HONOR_LEVELS[data.level] }] : []),
              ...(data.documentNo ? [{ term: '文号', value: data.documentNo }] : []),
            ],
            picture: await picture(data.certificate, data.certificateAlt, [480, 960]),
            ...(await linkTo('honors', slide.id, data.title)),
          };
        }
        case 'letters': {
          const letter = letters.find((l) => l.id === slide.id)!;
          const { data } = letter;
          const to = letterAddressees(letter, relations);
          return {
            key: `k-letters-${slide.id}`,
            slide,
            kind: `群众感谢 · ${LETTER_KINDS[data.kind]}`,
            title: data.summary,
            meta: `${data.from} · ${formatOptionalDate(data.date)}`,
            inscription: data.inscription,
            facts: [{ term: '致谢对象', value: [...to.officers, ...to.units].map((t) => t.name).join('、') }],
            picture: await picture(data.scan, data.scanAlt, [480, 960]),
            ...(await linkTo('letters', slide.id, data.summary)),
          };
        }
      }
    }),
  );
}
