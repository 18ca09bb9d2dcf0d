/**
 * A picture for the entry: dropped onto the zone or chosen with the button, sent as it is to the
 * photo intake (the same as `npm run photo`: turned upright, at most 1600 px, shooting data such
 * as GPS removed), and shown as it came back. Nothing is written until the save, which names the
 * upload; a HEIC photo or a file that is no picture is explained in the intake's words.
 */
import { ApiError } from '../api';
import { button, element } from '../dom';
import { uploadPhoto, type FormField } from '../form-api';
import { asText, FieldWidget, problemText, type WidgetContext } from './field-widget';

export class ImageWidget extends FieldWidget {
  /** The upload waiting for the save, if a picture was chosen. */
  upload: string | undefined;
  private current: string;
  private readonly currentUrl: string | null;
  private readonly file: HTMLInputElement;
  private readonly choose: HTMLButtonElement;
  private readonly zone: HTMLElement;
  private readonly status: HTMLElement;
  private readonly picture: HTMLElement;

  constructor(field: FormField, context: WidgetContext) {
    super(field, context);
    this.current = asText(this.initial);
    this.currentUrl = context.imageUrl ?? null;
    this.file = element('input', 'sr-only');
    Object.assign(this.file, { type: 'file', id: this.inputId, accept: 'image/*,.heic,.heif' });
    this.file.tabIndex = -1;
    this.choose = button(`选择${field.label}…`, 'button-secondary', () => this.file.click());
    this.choose.id = `${this.inputId}-choose`;
    this.zone = element('div', 'drop-zone');
    this.zone.append(element('p', 'drop-text', '把照片或扫描件拖到这里，或者'), this.choose, this.file);
    this.status = element('div', 'upload-status');
    this.status.setAttribute('role', 'status');
    this.picture = element('div', 'picture');
    this.body.append(this.picture, this.zone, this.status);
    this.showCurrent();
    this.connect();

    this.file.addEventListener('change', () => {
      const chosen = this.file.files?.[0];
      if (chosen) void this.send(chosen);
      this.file.value = '';
    });
    this.zone.addEventListener('dragover', (event) => {
      event.preventDefault();
      this.zone.classList.add('drop-over');
    });
    this.zone.addEventListener('dragleave', () => this.zone.classList.remove('drop-over'));
    this.zone.addEventListener('drop', (event) => {
      event.preventDefault();
      this.zone.classList.remove('drop-over');
      const dropped = event.dataTransfer?.files[0];
      if (dropped) void this.send(dropped);
    });
  }

  /** The picture the entry has now, and its file name. */
  private showCurrent(): void {
    if (!this.current) return this.picture.replaceChildren();
    const line = element('p', 'picture-name', `现有图片：${this.current}`);
    line.append(' ', button('不用这张图片', 'button-link', () => this.clear()));
    const shown: HTMLElement[] = [];
    if (this.currentUrl) {
      const image = element('img', 'picture-image');
      image.src = this.currentUrl;
      image.alt = `现有的${this.field.label}`;
      shown.push(image);
    }
    this.picture.replaceChildren(...shown, line);
  }

  private clear(): void {
    this.current = '';
    this.upload = undefined;
    this.picture.replaceChildren();
    this.status.replaceChildren(element('p', 'upload-note', '保存后，这个条目将不再有图片。'));
    this.choose.focus();
  }

  private async send(file: File): Promise<void> {
    this.status.replaceChildren(element('p', 'upload-note', `正在处理 ${file.name}…`));
    this.zone.setAttribute('aria-busy', 'true');
    try {
      const answer = await uploadPhoto(this.context.collection, file);
      if (!answer.ok) {
        const refusal = element('p', 'problem');
        refusal.append(problemText({ severity: 'error', message: answer.message, ...(answer.hint ? { hint: answer.hint } : {}) }));
        this.status.replaceChildren(refusal);
        return;
      }
      this.upload = answer.upload;
      const image = element('img', 'preview-image');
      image.src = answer.url;
      image.alt = `刚上传的图片：${file.name}`;
      image.width = answer.width;
      image.height = answer.height;
      // The upload is kept for the save even when its picture cannot be shown here.
      image.addEventListener('error', () => image.replaceWith(element('p', 'upload-note', '（处理后的图片无法在这里显示；图片已收到，保存后可在页面预览中查看。）')));
      this.picture.replaceChildren(image);
      this.picture.append(element('p', 'upload-note', `已转正、缩小并去除拍摄信息（${answer.width}×${answer.height}）。保存后生效；请在下面填写图片的文字说明。`));
      this.status.replaceChildren(element('p', 'upload-note', `${file.name} 已上传。`));
    } catch (error) {
      const refusal = element('p', 'problem');
      // The server may close the connection on a very large file before it can say why.
      const cutOff = error instanceof ApiError && error.status === 0 && file.size > 10 * 1024 * 1024;
      const told = error instanceof ApiError && error.status === 413;
      const message = told ? error.message : cutOff ? '图片太大，编辑台无法接收' : error instanceof ApiError ? error.message : '上传没有完成';
      const hint = cutOff ? '请先在手机或电脑上把图片缩小后再上传' : told ? undefined : '请重新选择图片';
      refusal.append(problemText({ severity: 'error', message, ...(hint ? { hint } : {}) }));
      this.status.replaceChildren(refusal);
    } finally {
      this.zone.removeAttribute('aria-busy');
    }
  }

  read(): string {
    return this.current;
  }

  /** The file input carries the state; the button, which has the focus, is described alike. */
  protected inputs(): HTMLElement[] {
    return [this.file, this.choose];
  }

  override focus(): void {
    this.choose.focus();
  }
}
