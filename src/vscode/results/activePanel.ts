import { ResultsPanel } from './resultsPanel';

/** The results panel a command acts on: the one it was given, else the active one, else the newest. */
export function panelOf(panels: readonly ResultsPanel[], arg: unknown): ResultsPanel | undefined {
  if (arg instanceof ResultsPanel) return arg;
  return panels.find((p) => p.active) ?? panels[panels.length - 1];
}
