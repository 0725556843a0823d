import * as vscode from 'vscode';
import { LEVEL_LABEL, LEVELS, parseTriageFilter, STATE_LABEL, STATES, type TriageFilter } from '../../../core/triage/riskyEntities';
import { type Prompter } from '../../ui/prompter';
import { defineCommand } from '../command';
import { type TriageViewDeps } from './args';

async function askFilter(prompter: Prompter, current: TriageFilter): Promise<TriageFilter | undefined> {
  type Item = vscode.QuickPickItem & { kind2: 'level' | 'state' | 'closed'; value: string };
  const items: (Item | vscode.QuickPickItem)[] = [
    { label: 'Risk level', kind: vscode.QuickPickItemKind.Separator },
    ...LEVELS.map((l): Item => ({ label: LEVEL_LABEL[l], kind2: 'level', value: l, picked: current.levels.includes(l) })),
    { label: 'Risk state', kind: vscode.QuickPickItemKind.Separator },
    ...STATES.map((s): Item => ({ label: STATE_LABEL[s], kind2: 'state', value: s, picked: current.states.includes(s) })),
    { label: 'Closed risk', kind: vscode.QuickPickItemKind.Separator },
    { label: 'Include dismissed and remediated', description: 'when no state is chosen', kind2: 'closed', value: 'closed', picked: current.includeClosed } as Item,
  ];
  const picked = await prompter.pickMany(items, { title: 'Filter risky users', placeHolder: 'Nothing chosen in a section means all of it' });
  if (!picked) return undefined;
  const chosen = picked.filter((p): p is Item => 'kind2' in p);
  const days = await prompter.pick(
    [
      { label: 'Any time', days: undefined },
      { label: 'Updated in the last day', days: 1 },
      { label: 'Updated in the last 7 days', days: 7 },
      { label: 'Updated in the last 30 days', days: 30 },
      { label: 'Updated in the last 90 days', days: 90 },
    ].map((d) => ({ ...d, picked: d.days === current.updatedWithinDays })),
    { title: 'Filter risky users: last updated', placeHolder: current.updatedWithinDays ? `Now: last ${current.updatedWithinDays} days` : 'Now: any time' },
  );
  if (!days) return undefined;
  return {
    levels: chosen.filter((c) => c.kind2 === 'level').map((c) => c.value),
    states: chosen.filter((c) => c.kind2 === 'state').map((c) => c.value),
    includeClosed: chosen.some((c) => c.kind2 === 'closed'),
    updatedWithinDays: days.days,
  };
}

/** "Filter…": risk levels, states, recency, and whether closed risk shows. Takes a filter object directly too. */
export function filterTriageCommand(deps: TriageViewDeps) {
  return defineCommand({
    id: 'identityLogs.triage.filter',
    args: ([arg]: readonly unknown[], { prompter }) => (typeof arg === 'object' && arg !== null ? parseTriageFilter(arg) : askFilter(prompter, deps.selection.filter())),
    run: async (filter: TriageFilter) => {
      await deps.selection.setFilter(filter);
      return deps.selection.filter();
    },
  });
}
