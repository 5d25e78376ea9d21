/**
 * The terminal plan: the summary line first, then every change apply would act on (and every
 * unmanaged resource it reports) in plan order, with the reason and the field diffs, then the
 * refusals and the notes. User text is sanitised so a name cannot move the cursor or recolour
 * the terminal.
 */
import type { FieldChange } from '../diff/diff.js';
import { assertNever } from '../model/manifest.js';
import type { Action, Change, Plan, Refusal } from '../plan/types.js';
import { ansiPaint, plainPaint, type Paint } from './plan-colors.js';
import {
  REASON_TEXT,
  REFUSAL_TEXT,
  changeLabel,
  describeAddress,
  displayPath,
  fieldShape,
  plural,
  shownChanges,
  summaryLine,
  type ReportMode,
} from './plan-labels.js';
import { formatValue, sanitizeLine } from './plan-values.js';

/** Options of the text renderer. */
export interface TextPlanOptions {
  /** Colour with ANSI codes (a TTY without `--no-color`). */
  color: boolean;
  /** A plan (default) or a drift report: the summary line says which. */
  mode?: ReportMode;
}

/** Shown for the missing side of a modified field. */
const UNSET = '(unset)';
const DETAIL_INDENT = '      ';

function arrow(field: FieldChange): string {
  const shape = fieldShape(field);
  const before = shape === 'added' ? UNSET : formatValue(field.before);
  const after = shape === 'removed' ? UNSET : formatValue(field.after);
  return `${before} → ${after}`;
}

/**
 * One field diff. A create lists the values it will set and a delete the values it removes, so
 * those print the one side that exists; everything else prints `before → after`.
 */
export function fieldText(field: FieldChange, action: Action): string {
  const path = sanitizeLine(displayPath(field.path));
  const shape = fieldShape(field);
  switch (action) {
    case 'create':
      return shape === 'added' ? `${path}: ${formatValue(field.after)}` : `${path}: ${arrow(field)}`;
    case 'delete':
      return shape === 'removed' ? `${path}: ${formatValue(field.before)}` : `${path}: ${arrow(field)}`;
    case 'update':
    case 'replace':
    case 'noop':
    case 'unmanaged':
      return `${path}: ${arrow(field)}`;
    default:
      return assertNever(action);
  }
}

function changeLines(change: Change, paint: Paint): string[] {
  const label = changeLabel(change);
  const id = change.id === undefined ? '' : `  id: ${sanitizeLine(change.id)}`;
  const lines = [
    `${paint(label.color, `${label.symbol.padStart(3)} ${sanitizeLine(describeAddress(change.address))}`)}${id}`,
    `${DETAIL_INDENT}${label.verb} because ${REASON_TEXT[change.reason]}`,
  ];
  const forced = new Set(change.forcedBy ?? []);
  if (forced.size > 0) {
    const paths = [...forced].map((p) => sanitizeLine(displayPath(p)));
    lines.push(`${DETAIL_INDENT}forced by: ${paths.join(', ')}`);
  }
  for (const field of change.fields) {
    const mark = forced.has(field.path) ? paint('magenta', '  # forces replacement') : '';
    lines.push(`${DETAIL_INDENT}${fieldText(field, change.action)}${mark}`);
  }
  return lines;
}

function refusalLines(refusal: Refusal, paint: Paint): string[] {
  return [
    `  - ${sanitizeLine(describeAddress(refusal.address))}${refusal.location ? `  ${sanitizeLine(refusal.location)}` : ''}`,
    `${DETAIL_INDENT}${paint('red', REFUSAL_TEXT[refusal.reason])}: ${sanitizeLine(refusal.detail)}`,
  ];
}

/** The plan for a terminal; ANSI colour only when `options.color` is true. */
export function renderPlanText(plan: Plan, options: TextPlanOptions): string {
  const paint = options.color ? ansiPaint : plainPaint;
  const summary = paint('bold', summaryLine(plan, options.mode));
  const blocks: string[] = [plan.scope ? `${summary}\n${sanitizeLine(`Scoped: ${plan.scope}`)}` : summary];
  const changes = shownChanges(plan);
  if (changes.length > 0) blocks.push(changes.map((c) => changeLines(c, paint).join('\n')).join('\n\n'));
  if (plan.refused.length > 0) {
    const count = plural(plan.refused.length, 'change');
    const heading = paint('red', `Refused: ${count} blocked by safety rules; apply will not run.`);
    blocks.push([heading, ...plan.refused.flatMap((r) => refusalLines(r, paint))].join('\n'));
  }
  if (plan.notes.length > 0) {
    blocks.push(['Notes:', ...plan.notes.map((n) => `  - ${sanitizeLine(n)}`)].join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}
