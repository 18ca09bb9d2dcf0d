/** RSS of the newest profiles, honours and letters: what a reader would want to follow. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCatalog } from '../data/catalog';
import { honorRecipients, recipientsText } from '../data/names';
import { absoluteUrl, getShareable } from '../data/share';
import { siteConfig } from '../data/site';
import { LETTER_KINDS } from '../lib/labels';
import { compareNewestFirst, startOfPartialDate, type PartialDate } from '../lib/partial-date';
import { entryPath } from '../lib/urls';

interface Item {
  title: string;
  link: string;
  description: string;
  categories: string[];
  date: PartialDate | undefined;
}

export const GET: APIRoute = async () => {
  // Items link to the public site: only what it has.
  const { relations } = await getCatalog();
  const { officers, honors, letters } = await getShareable();
  const items: Item[] = [
    ...officers.map((o) => ({
      title: o.data.name,
      link: absoluteUrl(entryPath('officers', o.id)),
      description: o.data.summary,
      categories: ['榜样人物', ...o.data.tags],
      date: undefined,
    })),
    ...honors.map((h) => ({
      title: h.data.title,
      link: absoluteUrl(entryPath('honors', h.id)),
      description: [recipientsText(honorRecipients(h, relations)), h.data.summary].filter(Boolean).join('：'),
      categories: ['荣誉'],
      date: h.data.date,
    })),
    ...letters.map((l) => ({
      title: `${LETTER_KINDS[l.data.kind]}：${l.data.summary}`,
      link: absoluteUrl(entryPath('letters', l.id)),
      description: l.data.inscription ? `${l.data.inscription}——${l.data.from}` : l.data.from,
      categories: ['群众感谢'],
      date: l.data.date,
    })),
  ].sort((a, b) => compareNewestFirst(a.date, b.date));

  return rss({
    title: siteConfig.title,
    description: siteConfig.description ?? `${siteConfig.unitName ?? relations.root.data.name}的榜样人物、荣誉和群众感谢`,
    site: absoluteUrl('/'),
    customData: '<language>zh-CN</language>',
    items: items.map(({ date, ...item }) => ({ ...item, ...(date ? { pubDate: startOfPartialDate(date) } : {}) })),
  });
};
