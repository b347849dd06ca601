import type { Project } from '../../../model/portfolio';
import { methodLabel, phaseLabel, ragLabels } from '../../../components/labels';
import type { ExportCell, ExportTable } from '../../../components/exportModel';

const text = (v: string | undefined): ExportCell => (v ? { kind: 'text', value: v } : { kind: 'empty' });
const num = (v: number | undefined): ExportCell => (v === undefined || v === null || Number.isNaN(v) ? { kind: 'empty' } : { kind: 'number', value: v });
const date = (v: string | undefined): ExportCell => (v ? { kind: 'date', value: v.slice(0, 10) } : { kind: 'empty' });

/** The columns of an export, with headers in the user's language. */
export function exportTable(projects: readonly Project[], s: IProjectRegisterWebPartStrings, c: IPmoHubCommonStrings): ExportTable {
  const rag = ragLabels(c);
  const columns: Array<[string, (p: Project) => ExportCell]> = [
    [s.FieldCode, (p) => text(p.code)],
    [s.FieldTitle, (p) => text(p.title)],
    [s.Description, (p) => text(p.description)],
    [s.ColumnPhase, (p) => text(phaseLabel(c, p.phase))],
    [s.Method, (p) => text(p.method ? methodLabel(c, p.method) : undefined)],
    [s.ColumnUnit, (p) => text(p.unit)],
    [s.ColumnProgramme, (p) => text(p.programme)],
    [s.FilterLeader, (p) => text(p.leader?.title)],
    [s.Sponsor, (p) => text(p.sponsor?.title)],
    [s.Start, (p) => date(p.startDate)],
    [s.End, (p) => date(p.endDate)],
    [s.ForecastEnd, (p) => date(p.forecastEnd)],
    [s.Budget, (p) => num(p.budget)],
    [s.ActualCost, (p) => num(p.actualCost)],
    [s.ForecastCost, (p) => num(p.forecastCost)],
    [s.PriorityScore, (p) => num(p.priorityScore)],
    [s.StrategicObjectives, (p) => text(p.strategicObjectives.map((o) => o.title).join('; '))],
    [s.FilterStatus, (p) => text(rag[p.latestOverall ?? 'None'])],
    [s.ColumnLastReport, (p) => date(p.latestReportDate)],
    [s.FieldSiteUrl, (p) => text(p.siteUrl?.url)]
  ];
  return { headers: columns.map(([h]) => h), rows: projects.map((p) => columns.map(([, value]) => value(p))) };
}
