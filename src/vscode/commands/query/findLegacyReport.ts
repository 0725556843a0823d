import * as vscode from 'vscode';
import { categoryById } from '../../../core/catalog/categories';
import { findLegacyReports, LEGACY_REPORTS, type LegacyReport, nameWords } from '../../../core/catalog/legacyReports';
import { type GraphCategory } from '../../../core/catalog/types';
import { type QueryRunner } from '../../query/queryRunner';
import { type TenantStore } from '../../tenants/tenantStore';
import { type ResultsPanel } from '../../results/resultsPanel';
import { resolveTenant } from '../../tenants/pickTenant';
import { type CommandContext, defineCommand } from '../command';

function whereNow(r: LegacyReport): string {
  if (r.target.kind === 'elsewhere') return 'no report here: see why';
  const c = categoryById(r.target.category);
  const clause = r.target.model.clauses[0];
  return `→ ${c?.label ?? r.target.category}${clause ? ` where ${clause.field} ${clause.op} ${String(clause.values[0])}` : ''}`;
}

/**
 * "Find Legacy Report…": the 32 report names of the retired Azure AD Reports API, each opening
 * where its data lives now, or saying what replaced it. Takes `{ name, tenantKey }` without prompts.
 */
export function findLegacyReportCommand(deps: { readonly store: TenantStore; readonly runner: QueryRunner }) {
  return defineCommand({
    id: 'identityLogs.findLegacyReport',
    args: ([arg]: readonly unknown[]) => arg ?? {},
    run: async (arg: unknown, { prompter }: CommandContext): Promise<ResultsPanel | { explanation: string } | { noMatch: string } | undefined> => {
      const a = (typeof arg === 'object' && arg !== null ? arg : {}) as { name?: unknown; tenantKey?: unknown };
      const candidates = typeof a.name === 'string' ? findLegacyReports(a.name) : LEGACY_REPORTS;
      if (typeof a.name === 'string' && candidates.length === 0) {
        const message = `No legacy report matches "${a.name.slice(0, 80)}". The 32 names of the retired Azure AD Reports API are listed by Find Legacy Report… with no argument.`;
        void vscode.window.showWarningMessage(message);
        return { noMatch: message };
      }
      let report = candidates.length === 1 ? candidates[0] : undefined;
      if (!report) {
        // The name's words and what the report held are in the item, so typing "unknown sources"
        // finds signInsFromUnknownSourcesEvents; VS Code says "No matching results" for none.
        const pick = await prompter.pick(
          candidates.map((r) => ({ label: r.name, description: whereNow(r), detail: `${nameWords(r.name)} · held ${r.held}.${r.target.kind === 'query' && r.target.note ? ` ${r.target.note}` : ''}`, r })),
          { title: 'Find Legacy Report', placeHolder: 'A report name or words of it (e.g. "unknown sources") from the retired Azure AD Reports API', matchOnDescription: true, matchOnDetail: true },
        );
        report = pick?.r;
      }
      if (!report) return undefined;
      if (report.target.kind === 'elsewhere') {
        void vscode.window.showInformationMessage(`${report.name}: no modern report in Entra logs.`, { modal: true, detail: report.target.explanation });
        return { explanation: report.target.explanation };
      }
      const tenant = await resolveTenant(deps.store, prompter, typeof a.tenantKey === 'string' ? a.tenantKey : undefined, `open ${report.name}`);
      if (!tenant) return undefined;
      const category = categoryById(report.target.category) as GraphCategory;
      if (report.target.note) void vscode.window.showInformationMessage(`${report.name} → ${category.label}. ${report.target.note}`);
      return deps.runner.start(tenant, category, report.target.model);
    },
  });
}
