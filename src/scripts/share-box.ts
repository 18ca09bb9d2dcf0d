/**
 * Brings the share panel's buttons to life: copy the address, or open the phone's share sheet
 * (navigator.share). Without JavaScript the buttons stay hidden and the address and QR code
 * remain, which is all a reader needs.
 */
export function startShareBox(): void {
  for (const box of document.querySelectorAll<HTMLElement>('.share')) {
    const input = box.querySelector<HTMLInputElement>('.share-url');
    const status = box.querySelector<HTMLElement>('.share-status');
    const copy = box.querySelector<HTMLButtonElement>('[data-share-copy]');
    const native = box.querySelector<HTMLButtonElement>('[data-share-native]');
    if (!input || !status) continue;
    const url = input.value;
    const say = (text: string) => {
      status.textContent = text;
    };

    if (copy) {
      copy.hidden = false;
      copy.addEventListener('click', async () => {
        try {
          await navigator.clipboard.writeText(url);
          say('网址已复制，可以粘贴到微信或短信中。');
        } catch {
          // Older browsers, or no permission: select the text so a long press copies it.
          input.focus();
          input.select();
          say('请长按或按 Ctrl+C 复制已选中的网址。');
        }
      });
    }

    if (native && typeof navigator.share === 'function') {
      native.hidden = false;
      native.addEventListener('click', async () => {
        try {
          await navigator.share({ title: box.dataset.shareTitle ?? document.title, url });
        } catch {
          // The reader closed the share sheet: nothing to say.
        }
      });
    }
  }
}
