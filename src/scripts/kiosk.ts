/**
 * The 荣誉室 screen's loop (`/kiosk/`): one item at a time, the next after `data-advance-seconds`;
 * a tap opens the item with its QR code; after `data-idle-seconds` untouched, an open item (or a
 * paused loop) gives way to the running loop again, so the screen never stays on one visitor's
 * choice. Without this script the page is a plain list of every item, which reads as well.
 *
 * With reduced motion asked for (Windows' 显示动画 switched off, as on many office PCs, sets it),
 * slides change without any fade and stay twice as long: a lobby screen that stopped changing
 * would defeat its purpose, and a cut every twenty seconds moves nothing across the screen.
 */
export function startKiosk(): void {
  const root = document.querySelector<HTMLElement>('[data-kiosk]');
  const items = [...document.querySelectorAll<HTMLElement>('[data-kiosk-item]')];
  const counter = document.querySelector<HTMLElement>('[data-kiosk-counter]');
  const controls = document.querySelector<HTMLElement>('[data-kiosk-controls]');
  const pause = document.querySelector<HTMLButtonElement>('[data-kiosk-pause]');
  const back = document.querySelector<HTMLButtonElement>('[data-kiosk-back]');
  if (!root || items.length === 0 || !counter || !controls || !pause || !back) return;

  const seconds = (value: string | undefined, fallback: number) => (Number(value) > 0 ? Number(value) : fallback);
  const idleMs = seconds(root.dataset.idleSeconds, 60) * 1000;
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  const advanceMs = () => seconds(root.dataset.advanceSeconds, 10) * 1000 * (reducedMotion.matches ? 2 : 1);

  let current = 0;
  let playing = true;
  let advanceTimer: number | undefined;
  let idleTimer: number | undefined;

  // The first slide is there at once; the ones after it fade in (kiosk.css).
  const show = (index: number, fade = true) => {
    current = (index + items.length) % items.length;
    items.forEach((item, i) => (item.hidden = i !== current));
    counter.textContent = `${current + 1} / ${items.length}`;
    root.classList.toggle('kiosk-fade', fade);
  };
  const opened = () => root.dataset.view === 'item';
  // The next slide after a full interval from now: a step by hand restarts the count.
  const schedule = () => {
    clearTimeout(advanceTimer);
    if (playing && !opened()) advanceTimer = window.setTimeout(() => (show(current + 1), schedule()), advanceMs());
  };
  const setPlaying = (on: boolean) => {
    playing = on;
    pause.textContent = on ? '暂停' : '继续播放';
    schedule();
  };
  const setView = (view: 'loop' | 'item') => {
    root.dataset.view = view;
    back.hidden = view === 'loop';
    controls.hidden = view === 'item';
  };
  const backToLoop = () => {
    setView('loop');
    setPlaying(true);
    scrollTo(0, 0);
  };
  // Any touch keeps an open item (or a paused loop) on screen for another idle period.
  const touched = () => {
    clearTimeout(idleTimer);
    if (opened() || !playing) idleTimer = window.setTimeout(backToLoop, idleMs);
  };

  items.forEach((item, index) => {
    const open = item.querySelector<HTMLButtonElement>('[data-kiosk-open]');
    if (!open) return;
    open.hidden = false;
    open.addEventListener('click', () => {
      show(index);
      setView('item');
      schedule();
      scrollTo(0, 0);
      item.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
    });
  });
  back.addEventListener('click', backToLoop);
  pause.addEventListener('click', () => setPlaying(!playing));
  for (const step of document.querySelectorAll<HTMLButtonElement>('[data-kiosk-step]')) {
    step.addEventListener('click', () => (show(current + Number(step.dataset.kioskStep)), schedule()));
  }
  // After the handlers above, so a tap that opens an item or pauses starts the idle count.
  for (const type of ['pointerdown', 'keydown', 'wheel', 'click']) document.addEventListener(type, touched, { passive: true });
  // With a keyboard after all: Esc is 返回.
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && opened()) backToLoop();
  });
  // A long press on a touch screen would open the browser's menu.
  document.addEventListener('contextmenu', (event) => event.preventDefault());

  root.classList.add('kiosk-live');
  counter.hidden = false;
  setView('loop');
  show(0, false);
  schedule();
}
