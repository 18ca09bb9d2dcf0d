/**
 * The check's problems put where the clerk is looking: each next to the control of its field (the
 * path `recipients.officers[0]` leads to the 获奖人物 picker, its first chip marked), in the check's
 * own words, and a summary at the top that links to them and holds those no control matches
 * (several unknown fields, another file, the site's settings).
 */
import { button, element } from './dom';
import type { Problem } from './form-api';
import { pathSegments } from './values';
import { problemText, type Widget } from './widgets/field-widget';

/** Where a problem goes: a control (and the item it names), or nowhere in this form. */
interface Placed {
  problem: Problem;
  widget: Widget;
  item?: number | string;
}

/** The control of a problem's field among the form's top-level controls (the body's key is 正文). */
export function placeProblem(widgets: ReadonlyMap<string, Widget>, problem: Problem): Placed | undefined {
  // Several unknown fields are joined with 、 and belong to no one control.
  if (!problem.field || problem.field.includes('、')) return undefined;
  const [first, ...rest] = pathSegments(problem.field);
  const top = typeof first === 'string' ? widgets.get(first) : undefined;
  if (!top) return undefined;
  const { widget, item } = top.locate(rest);
  return item === undefined ? { problem, widget } : { problem, widget, item };
}

/**
 * Whether a problem's file is the entry's. The check names a file from the project folder, or by
 * its full path when the site lives elsewhere (HONOR_ROLL_SITE); the entry is named from its site:
 * the collection folder and the file name decide.
 */
export function sameFile(problemFile: string, entryFile: string): boolean {
  const tail = (file: string) => file.split(/[\\/]/).slice(-2).join('/');
  return tail(problemFile) === tail(entryFile);
}

export interface ShownProblems {
  /** The first control with an error, to focus. */
  first: Widget | undefined;
  errors: number;
}

/**
 * Shows the problems next to their controls and in the summary, replacing what was shown.
 * `file` is the entry's own file: problems of other files say which file they are about.
 */
export class ProblemDisplay {
  private shown = new Set<Widget>();

  constructor(
    private readonly summary: HTMLElement,
    private readonly widgets: () => ReadonlyMap<string, Widget>,
  ) {}

  show(problems: readonly Problem[], { heading, file }: { heading: string; file: string | undefined }): ShownProblems {
    for (const widget of this.shown) widget.showProblems([], []);
    this.shown.clear();
    const byWidget = new Map<Widget, { problems: Problem[]; items: (number | string)[] }>();
    const unplaced: Problem[] = [];
    const placed: Placed[] = [];
    for (const problem of problems) {
      const spot = file && problem.file && !sameFile(problem.file, file) ? undefined : placeProblem(this.widgets(), problem);
      if (!spot) {
        unplaced.push(problem);
        continue;
      }
      placed.push(spot);
      const entry = byWidget.get(spot.widget) ?? { problems: [], items: [] };
      entry.problems.push(problem);
      if (spot.item !== undefined) entry.items.push(spot.item);
      byWidget.set(spot.widget, entry);
    }
    for (const [widget, { problems: own, items }] of byWidget) {
      widget.showProblems(own, items);
      this.shown.add(widget);
    }
    this.renderSummary(heading, placed, unplaced, file);
    const errors = problems.filter((p) => p.severity === 'error').length;
    return { first: placed.find((p) => p.problem.severity === 'error')?.widget ?? placed[0]?.widget, errors };
  }

  clear(): void {
    this.show([], { heading: '', file: undefined });
  }

  private renderSummary(heading: string, placed: readonly Placed[], unplaced: readonly Problem[], file: string | undefined): void {
    if (placed.length + unplaced.length === 0) {
      // The live region stays in the page, empty, so the next problems are announced.
      this.summary.replaceChildren();
      return;
    }
    const errors = [...placed.map((p) => p.problem), ...unplaced].some((p) => p.severity === 'error');
    this.summary.className = errors ? 'summary summary-error' : 'summary summary-warning';
    const list = element('ul', 'summary-list');
    for (const { problem, widget } of placed) {
      const item = element('li', problem.severity === 'warning' ? 'warning' : '');
      const link = button(widget.field.label, 'button-link', () => {
        widget.element.scrollIntoView({ block: 'center' });
        widget.focus();
      });
      item.append(link, '：', problemText(problem));
      list.append(item);
    }
    for (const problem of unplaced) {
      const item = element('li', problem.severity === 'warning' ? 'warning' : '');
      const where = [problem.file && !(file && sameFile(problem.file, file)) ? problem.file : '', problem.field ?? ''].filter(Boolean).join(' ');
      if (where) item.append(element('span', 'summary-where', `${where}：`));
      item.append(problemText(problem));
      list.append(item);
    }
    this.summary.replaceChildren(element('h3', 'summary-heading', heading), list);
  }
}
