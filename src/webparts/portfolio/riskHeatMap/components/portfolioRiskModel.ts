import type { Project, Risk } from '../../../../model/portfolio';
import type { ExportTable } from '../../../../components/exportModel';
import { filterRisks, heatMap, isOpen, type CellFilter } from '../../../risks/components/riskModel';

/** The open risks of the given (filtered) projects, highest score first, then by due date (soonest first; none last). */
export function portfolioRisks(risks: readonly Risk[], projects: readonly Project[]): Risk[] {
  const ids = new Set(projects.map((p) => p.id));
  return risks
    .filter((r) => isOpen(r) && ids.has(r.project?.id))
    .sort((a, b) => (b.score || 0) - (a.score || 0) || (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.id - b.id);
}

/** What the list under the map shows: the chosen cell's risks, or all of them. */
export function cellRisks(risks: readonly Risk[], cell: CellFilter | undefined): Risk[] {
  return filterRisks(risks, cell);
}

export interface HeatMapTableStrings {
  ColumnProbability: string;
  ColumnImpact: string;
  ColumnScore: string;
  ColumnCount: string;
}

/** The map as data: one row per cell with at least one risk, highest score first. */
export function heatMapTable(risks: readonly Risk[], s: HeatMapTableStrings, band: (b: 'low' | 'medium' | 'high' | 'critical') => string): ExportTable {
  const cells = heatMap(risks).flat().filter((c) => c.count > 0).sort((a, b) => b.score - a.score || b.probability - a.probability);
  return {
    headers: [`${s.ColumnProbability} × ${s.ColumnImpact}`, s.ColumnProbability, s.ColumnImpact, s.ColumnScore, s.ColumnCount],
    rows: cells.map((c) => [
      { kind: 'text', value: `${c.probability} × ${c.impact} (${band(c.band)})` },
      { kind: 'number', value: c.probability }, { kind: 'number', value: c.impact },
      { kind: 'number', value: c.score }, { kind: 'number', value: c.count }
    ])
  };
}
