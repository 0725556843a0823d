import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { type CategorySpec } from '../../core/catalog/types';
import { checkpointPathOf, type Destination } from '../../core/export/checkpoint';
import { csvColumnChoices, suggestedBaseName } from '../../core/export/header';
import { type ExportFormat, FORMAT_EXTENSIONS } from '../../core/export/formats';
import { type ExportPlan } from '../../core/export/plan';
import { exportsOf } from '../../core/sources/registry';
import { type FilterModel, type TimeRange } from '../../core/odata/model';
import { describeFilters, isFiltering, type RowFilters } from '../../core/query/rowFilters';
import { type TenantConfig } from '../../core/tenants/tenantConfig';
import { describeTime } from '../query/filterPrompt';
import { askCustomRange } from '../query/customRangePrompt';
import { type Prompter } from '../ui/prompter';
import { defaultFolderUri, defaultSaveUri, rememberFolder } from './lastFolder';

/** What the user chose for a bulk export. */
export interface ExportChoice {
  readonly format: ExportFormat;
  readonly columns?: readonly string[];
  readonly time: TimeRange;
  readonly plan: ExportPlan;
  readonly destination: Destination;
  /** An unfinished export to the same place exists and the user chose to continue it. */
  readonly resume: boolean;
  /** The panel's client-side filters, when the user chose to export only the rows it shows. */
  readonly rowFilters?: RowFilters;
}

export interface ExportPromptInput {
  readonly tenant: TenantConfig;
  readonly category: CategorySpec;
  readonly model: FilterModel;
  /** Loaded records, for the CSV column list (nested fields included). */
  readonly samples: readonly Record<string, unknown>[];
  /** The grid's visible columns, preselected for CSV. */
  readonly visibleColumns: readonly string[];
  /** The panel's client-side filters, when exporting from a panel. */
  readonly rowFilters?: RowFilters;
  readonly nowMs: number;
}

const FORMATS: { label: string; detail: string; format: ExportFormat }[] = [
  { label: 'NDJSON', detail: 'One JSON record per line. Best for large exports, jq, SIEM and log tools.', format: 'ndjson' },
  { label: 'JSON', detail: 'One document: {"query": {…}, "value": [ … ]}, the same shape as Save as JSON.', format: 'json' },
  { label: 'CSV', detail: 'Columns you choose; nested fields flattened to / paths. Opens in a spreadsheet.', format: 'csv' },
];

const DAY_H = 24;

async function pickFormat(prompter: Prompter): Promise<ExportFormat | undefined> {
  const pick = await prompter.pick(FORMATS, { title: 'Export: format', placeHolder: 'Which format?' });
  return pick?.format;
}

async function pickColumns(prompter: Prompter, input: ExportPromptInput): Promise<string[] | undefined> {
  const choices = csvColumnChoices(input.category, input.samples.slice(0, 50));
  const visiblePaths = new Set(input.category.columns.filter((c) => input.visibleColumns.includes(c.id)).map((c) => c.path));
  const items = choices.map((c) => ({ label: c.path, description: c.fromCatalog ? c.label : undefined, picked: visiblePaths.has(c.path), path: c.path }));
  const picks = await prompter.pickMany(items, { title: 'Export: CSV columns', placeHolder: 'Columns, in this order (nested fields as / paths)' });
  if (!picks) return undefined;
  if (picks.length === 0) {
    void vscode.window.showWarningMessage('A CSV export needs at least one column.');
    return undefined;
  }
  return picks.map((p) => p.path);
}

/** Content listed by when it became available (Office 365 keeps it 7 days). */
async function pickAvailabilityTime(prompter: Prompter, input: ExportPromptInput): Promise<TimeRange | undefined> {
  const items: { label: string; description?: string; time?: TimeRange }[] = [];
  if (input.model.time.kind !== 'all') items.push({ label: `Same as the panel: available ${describeTime(input.model.time).toLowerCase()}`, time: input.model.time });
  for (const hours of [DAY_H, 3 * DAY_H]) items.push({ label: describeTime({ kind: 'last', hours }), time: { kind: 'last', hours } });
  items.push({ label: describeTime({ kind: 'last', hours: 7 * DAY_H }), description: 'all the service keeps', time: { kind: 'last', hours: 7 * DAY_H } });
  items.push({ label: 'Custom range…', description: 'within the last 7 days' });
  const pick = await prompter.pick(items, { title: 'Export: content that became available in…', placeHolder: 'Exported oldest first (blobs expire after 7 days), one UTC day at a time' });
  if (!pick) return undefined;
  return pick.time ?? askCustomRange(prompter, 'Export', input.nowMs);
}

async function pickTime(prompter: Prompter, input: ExportPromptInput): Promise<TimeRange | undefined> {
  if (exportsOf(input.category).timeAxis === 'availability') return pickAvailabilityTime(prompter, input);
  // A report without a time property (risky users) is exported whole.
  if ('timeProperty' in input.category && !input.category.timeProperty) return { kind: 'all' };
  const items: { label: string; description?: string; time?: TimeRange }[] = [];
  if (input.model.time.kind !== 'all') items.push({ label: `Same as the query: ${describeTime(input.model.time)}`, time: input.model.time });
  // A workspace keeps history past Graph's 30 days: that is what it is exported for.
  const workspace = input.category.source === 'logAnalytics';
  for (const hours of [DAY_H, 7 * DAY_H, 30 * DAY_H, ...(workspace ? [90 * DAY_H] : [])]) items.push({ label: describeTime({ kind: 'last', hours }), time: { kind: 'last', hours } });
  items.push({ label: 'All available', description: workspace ? 'all the workspace keeps' : input.category.throttle === 'reports' ? 'the last 30 days Graph keeps' : undefined, time: { kind: 'all' } });
  items.push({ label: 'Custom range…' });
  const pick = await prompter.pick(items, { title: 'Export: time range', placeHolder: 'Which time range? (exported newest first, one UTC day at a time)' });
  if (!pick) return undefined;
  return pick.time ?? askCustomRange(prompter, 'Export', input.nowMs);
}

/** What the destination question needs to know of the export. */
export interface DestinationInput {
  readonly tenant: TenantConfig;
  readonly category: CategorySpec;
}

/**
 * Where the rows go: one file, or one file per UTC day in a folder (asked when the range spans
 * days); then, when an unfinished export to the same place exists, whether to resume it.
 */
export async function pickDestination(state: vscode.Memento, prompter: Prompter, input: DestinationInput, format: ExportFormat, plan: ExportPlan): Promise<{ destination: Destination; resume: boolean } | undefined> {
  const destination = await pickPlace(state, prompter, input, format, plan);
  if (!destination) return undefined;
  if (!fs.existsSync(checkpointPathOf(destination))) return { destination, resume: false };
  const c = await prompter.choose({ message: `An unfinished export to ${path.basename(destination.kind === 'file' ? destination.path : destination.dir)} exists.`, detail: 'Resume it to continue where it stopped, or start over and replace it.', actions: ['Resume It', 'Start Over'] });
  return c ? { destination, resume: c === 'Resume It' } : undefined;
}

async function pickPlace(state: vscode.Memento, prompter: Prompter, input: DestinationInput, format: ExportFormat, plan: ExportPlan): Promise<Destination | undefined> {
  const ext = FORMAT_EXTENSIONS[format];
  const base = suggestedBaseName(input.tenant.displayName, input.category.label, plan.range);
  const days = plan.range ? Math.ceil((plan.range.toMs - plan.range.fromMs) / 86_400_000) : 1;
  let perDay = false;
  if (days > 1) {
    const how = await prompter.pick(
      [
        { label: 'One file', detail: `${base}.${ext}`, perDay: false },
        { label: 'One file per day, in a folder', detail: `${suggestedBaseName(input.tenant.displayName, input.category.label)}-YYYY-MM-DD.${ext}, one for each UTC day`, perDay: true },
      ],
      { title: 'Export: destination', placeHolder: 'Where should the rows go?' },
    );
    if (!how) return undefined;
    perDay = how.perDay;
  }
  if (!perDay) {
    const uri = await prompter.saveFile({ defaultUri: defaultSaveUri(state, `${base}.${ext}`), filters: { [format.toUpperCase()]: [ext] }, action: 'Export' });
    if (!uri) return undefined;
    await rememberFolder(state, uri.fsPath);
    return { kind: 'file', path: uri.fsPath };
  }
  // A save dialog, not a folder picker: it can name a folder that does not exist yet (a folder
  // picker refuses one), and the export creates it.
  const dayBase = suggestedBaseName(input.tenant.displayName, input.category.label);
  const chosen = await prompter.saveFile({ defaultUri: vscode.Uri.joinPath(defaultFolderUri(state) ?? vscode.Uri.file(os.homedir()), dayBase), title: `Folder for the daily files (${dayBase}-YYYY-MM-DD.${ext}); a new name creates it`, action: 'Export Here' });
  if (!chosen) return undefined;
  const folder = chosen;
  await fs.promises.mkdir(folder.fsPath, { recursive: true });
  await rememberFolder(state, folder.fsPath, true);
  const clash = (await fs.promises.readdir(folder.fsPath).catch(() => [] as string[])).filter((f) => f.startsWith(`${dayBase}-`) && f.endsWith(`.${ext}`));
  if (clash.length > 0) {
    const ok = await prompter.choose({ message: `${folder.fsPath} already holds ${clash.length} ${dayBase}-….${ext} file(s). Days exported again replace them.`, actions: ['Replace'] });
    if (ok !== 'Replace') return undefined;
  }
  return { kind: 'folder', dir: folder.fsPath, base: dayBase };
}

/**
 * A filtered panel shows fewer rows than its query returns: the export must not silently differ
 * from it, so the user says which, and the manifest records the choice.
 */
async function pickRows(prompter: Prompter, filters: RowFilters | undefined): Promise<{ rowFilters?: RowFilters } | undefined> {
  if (!filters || !isFiltering(filters)) return {};
  const words = describeFilters(filters).join('; ');
  const pick = await prompter.pick(
    [
      { label: 'The rows the panel shows', detail: `Apply the panel's filters to every record exported: ${words}`, apply: true },
      { label: 'Every row the query returns', detail: 'Ignore the panel\'s filters (the manifest says so)', apply: false },
    ],
    { title: 'Export: which rows?', placeHolder: `The panel is filtered (${words})` },
  );
  if (!pick) return undefined;
  return pick.apply ? { rowFilters: filters } : {};
}

/** Asks for the rows, format, CSV columns, time range and destination; undefined when the user gives up. */
export async function promptExport(state: vscode.Memento, prompter: Prompter, input: ExportPromptInput): Promise<ExportChoice | undefined> {
  const rows = await pickRows(prompter, input.rowFilters);
  if (!rows) return undefined;
  const format = await pickFormat(prompter);
  if (!format) return undefined;
  const columns = format === 'csv' ? await pickColumns(prompter, input) : undefined;
  if (format === 'csv' && !columns) return undefined;
  const time = await pickTime(prompter, input);
  if (!time) return undefined;
  const plan = exportsOf(input.category).exportPlan(input.category, input.model, time, input.nowMs);
  if (plan.problem) {
    void vscode.window.showErrorMessage(`Cannot export ${input.category.label}: ${plan.problem}`);
    return undefined;
  }
  const place = await pickDestination(state, prompter, input, format, plan);
  if (!place) return undefined;
  return { format, columns, time, plan, ...place, ...rows };
}
