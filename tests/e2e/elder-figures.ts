/**
 * The 长辈版 figures of the MIIT 适老化 rules (《互联网网站适老化通用设计规范》), measured on the open
 * page in 大字模式: text at least 18 pt, line spacing at least 1.3, paragraph spacing at least
 * 1.3 × the line spacing, controls at least 60 × 60 px (links inside running text excepted), and
 * colour never the only cue. The footer's text is the site's fine print, not main text, and is
 * left out of the text figures; its links are controls like any other and are measured.
 */
import type { Page } from 'playwright-core';

/** The figures, in CSS pixels and multiples. 18 pt is 24 CSS px (1 pt = 4/3 px). */
export const ELDER_FIGURES = { minFontPx: 24, minLineHeight: 1.3, minParagraphSpacing: 1.3, minTargetPx: 60 } as const;

/**
 * What on the page falls short of the figures, one line per element, naming it
 * (`a.badge「见义勇为」: 40×32 px, needs 60×60`); empty when everything meets them. Closed
 * `<details>` are opened while measuring, so the controls inside them count too.
 */
export function elderFigureProblems(page: Page): Promise<string[]> {
  return page.evaluate((figures) => {
    const problems: string[] = [];
    const px = (value: string) => Number.parseFloat(value);
    const name = (el: Element) => {
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      const label = text ? `「${text.length > 12 ? `${text.slice(0, 12)}…` : text}」` : '';
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}${label}`;
    };
    const shown = (el: Element) => {
      if (!el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)) return false;
      const rect = el.getBoundingClientRect();
      // Visually hidden text (1 × 1 px, clipped) is for screen readers: no size applies.
      return rect.width > 1 && rect.height > 1;
    };
    const closed = [...document.querySelectorAll('details:not([open])')];
    for (const details of closed) details.setAttribute('open', '');

    // Everything but the footer: the header (title, menu, search, mode switch), breadcrumbs, main.
    const footer = document.querySelector('body > footer');
    const inScope = (el: Element) => !footer?.contains(el) && !el.closest('svg');

    // Text size and line spacing, on every element that holds text directly.
    const textHolders = new Set<Element>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent && node.textContent!.trim() && inScope(parent) && !parent.closest('script, style, template, noscript')) textHolders.add(parent);
    }
    for (const el of textHolders) {
      if (!shown(el)) continue;
      const style = getComputedStyle(el);
      const size = px(style.fontSize);
      if (size < figures.minFontPx - 0.01) problems.push(`${name(el)}: text ${size.toFixed(1)} px, needs ${figures.minFontPx} px (18 pt)`);
      const lineHeight = style.lineHeight === 'normal' ? Number.NaN : px(style.lineHeight);
      if (!(lineHeight >= figures.minLineHeight * size - 0.01))
        problems.push(`${name(el)}: line height ${style.lineHeight} for ${size.toFixed(1)} px text, needs ${figures.minLineHeight}×`);
    }

    // Words an element holds outside its links and buttons: a link among words is in running
    // text; a paragraph of only buttons is a row of controls, not a paragraph.
    const interactive = 'a[href], button, input, select, textarea, summary, script, style, template';
    const ownWords = (el: Element) => {
      const copy = el.cloneNode(true) as Element;
      for (const control of copy.querySelectorAll(interactive)) control.remove();
      return (copy.textContent ?? '').replace(/[\s、，。：；·|（）()›»>]/g, '');
    };
    const block = (el: Element) => {
      let current: Element | null = el.parentElement;
      while (current && getComputedStyle(current).display.startsWith('inline')) current = current.parentElement;
      return current;
    };
    const inRunningText = (link: Element) => {
      const container = block(link);
      return !!container && ownWords(container).length > 0;
    };

    // Paragraph spacing: consecutive paragraphs of running text are 1.3 lines apart. The lines of
    // one item of a list (a card, a timeline entry) are not paragraphs of running text.
    const paragraph = (el: Element | null): el is Element => !!el && el.matches('p') && !el.closest('li') && shown(el) && ownWords(el).length > 0;
    for (const p of document.querySelectorAll('main p + p')) {
      const previous = p.previousElementSibling;
      if (!paragraph(p) || !paragraph(previous)) continue;
      const gap = p.getBoundingClientRect().top - previous.getBoundingClientRect().bottom;
      // Of two paragraphs set differently (a lead, then the text), the larger line spacing counts.
      const lineHeight = Math.max(px(getComputedStyle(previous).lineHeight), px(getComputedStyle(p).lineHeight));
      if (gap < figures.minParagraphSpacing * lineHeight - 0.5)
        problems.push(`${name(previous)} → ${name(p)}: paragraph spacing ${gap.toFixed(1)} px, needs ${figures.minParagraphSpacing} × line height ${lineHeight.toFixed(1)} px`);
    }

    // Controls: 60 × 60 px. A checkbox is as large as its label.
    const controls = document.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])');
    for (const control of controls) {
      if (control.closest('svg') || !shown(control)) continue;
      if (control.matches('a[href]') && inRunningText(control)) continue;
      const target = control.matches('input[type="checkbox"], input[type="radio"]') ? (control.closest('label') ?? control) : control;
      const { width, height } = target.getBoundingClientRect();
      if (width < figures.minTargetPx - 0.5 || height < figures.minTargetPx - 0.5)
        problems.push(`${name(target)}: ${Math.round(width)}×${Math.round(height)} px, needs ${figures.minTargetPx}×${figures.minTargetPx}`);
    }

    // Colour never the only cue. Links in running text are underlined; a link that stands alone
    // is underlined, outlined or filled (the site's name at the top links home, as everywhere).
    for (const link of document.querySelectorAll('a[href]')) {
      if (!inScope(link) || !shown(link) || link.matches('.site-header .identity')) continue;
      const style = getComputedStyle(link);
      if (style.textDecorationLine.includes('underline')) continue;
      if (inRunningText(link)) problems.push(`${name(link)}: a link in running text without underline (colour alone marks it)`);
      else if (!(px(style.borderTopWidth) > 0 && style.borderTopStyle !== 'none') && style.backgroundColor === 'rgba(0, 0, 0, 0)')
        problems.push(`${name(link)}: a link neither underlined, outlined nor filled (colour alone marks it)`);
    }
    // The current item of a menu differs from the others in more than colour.
    const shape = (el: Element) => {
      const s = getComputedStyle(el);
      return [s.fontWeight, s.textDecorationLine, s.textDecorationThickness, s.borderTopStyle, s.borderTopWidth, s.borderBottomStyle, s.borderBottomWidth, getComputedStyle(el, '::before').content, getComputedStyle(el, '::after').content].join(' ');
    };
    for (const current of document.querySelectorAll('nav [aria-current="page"]')) {
      if (!inScope(current) || !shown(current)) continue;
      const others = [...(current.closest('nav')?.querySelectorAll('a[href]:not([aria-current])') ?? [])].filter(shown);
      const same = others.find((other) => shape(other) === shape(current));
      if (same) problems.push(`${name(current)}: the current menu item looks like ${name(same)} but for colour`);
    }
    // A required or invalid field says so in words or a mark, not by colour.
    for (const field of document.querySelectorAll('[required], [aria-required="true"], [aria-invalid="true"]')) {
      if (!inScope(field) || !shown(field)) continue;
      const labels = [...((field as HTMLInputElement).labels ?? [])].map((l) => l.textContent).join(' ');
      const described = (field.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
      if (field.matches('[aria-invalid="true"]') ? !described.trim() : !/必填|[*＊]/.test(labels + described))
        problems.push(`${name(field)}: ${field.matches('[aria-invalid="true"]') ? 'invalid without a message' : 'required without 必填 or * in its label'}`);
    }

    for (const details of closed) details.removeAttribute('open');
    return problems;
  }, ELDER_FIGURES);
}
