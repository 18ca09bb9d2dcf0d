/**
 * The entry's page as the site will show it, in a frame under the form after a save. Astro's dev
 * server needs a moment to notice a written file (a new page answers 404 until it has): the page is
 * asked for until it answers, for a few seconds, before the frame shows it.
 */
import { element } from './dom';

/** How long a new page may take to appear, and how often it is asked for. */
const WAIT_MS = 3_000;
const STEP_MS = 300;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether the page answers now (not 404). */
async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { credentials: 'same-origin', cache: 'no-store' });
    return response.ok;
  } catch {
    return false;
  }
}

export class PagePreview {
  readonly element: HTMLElement;
  private readonly frame: HTMLIFrameElement;
  private readonly status: HTMLElement;
  private readonly link: HTMLAnchorElement;
  private round = 0;

  constructor() {
    this.element = element('section', 'page-preview');
    this.element.id = 'page-preview';
    this.element.tabIndex = -1;
    this.element.setAttribute('aria-labelledby', 'page-preview-heading');
    this.element.hidden = true;
    const heading = element('h3', '', '页面预览');
    heading.id = 'page-preview-heading';
    this.status = element('p', 'preview-status');
    this.status.setAttribute('role', 'status');
    this.link = element('a', 'preview-link', '在新窗口中打开这个页面');
    this.link.target = '_blank';
    this.link.rel = 'noopener';
    this.frame = element('iframe', 'page-frame');
    this.frame.title = '保存后的页面预览';
    this.element.append(heading, this.status, this.link, this.frame);
  }

  /** Shows `url` once it answers; a newer call replaces an older one still waiting. */
  async show(url: string | null): Promise<void> {
    const round = ++this.round;
    if (!url) {
      this.element.hidden = true;
      return;
    }
    this.element.hidden = false;
    this.link.href = url;
    this.status.textContent = '正在生成页面预览…';
    const deadline = Date.now() + WAIT_MS;
    let ready = await answers(url);
    while (!ready && Date.now() < deadline && round === this.round) {
      await sleep(STEP_MS);
      ready = await answers(url);
    }
    if (round !== this.round) return;
    // Setting the address loads the page again even when it is the same: the page has changed.
    this.frame.src = url;
    this.status.textContent = ready
      ? '下面是保存后的页面。'
      : '页面没有显示出来：这个条目可能不公开（草稿、未同意公开、内部或定时发布），也可能还没有处理完，请稍后点下面的链接再看。';
  }

  /** A link to the preview, for the message that says the save is done. */
  jumpLink(): HTMLAnchorElement {
    const link = element('a', 'jump', '查看页面预览');
    link.href = '#page-preview';
    return link;
  }

  hide(): void {
    this.round += 1;
    this.element.hidden = true;
  }
}
