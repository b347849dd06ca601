import type { ProjectMethod, ProjectPhase, RiskStatus } from '../model/portfolio';
import type { Rag } from '../model/common';

/**
 * Choice keys are stable English identifiers stored in SharePoint; what people read comes
 * from the common strings of their language.
 */
export function phaseLabel(c: IPmoHubCommonStrings, phase: ProjectPhase): string {
  return ({ Idea: c.PhaseIdea, Initiation: c.PhaseInitiation, Planning: c.PhasePlanning, Execution: c.PhaseExecution, Closing: c.PhaseClosing, Closed: c.PhaseClosed } as Record<ProjectPhase, string>)[phase] ?? phase;
}

export function methodLabel(c: IPmoHubCommonStrings, method: ProjectMethod): string {
  return ({ PMI: c.MethodPMI, PRINCE2: c.MethodPRINCE2, IPMA: c.MethodIPMA, Agile: c.MethodAgile, Lean: c.MethodLean, Internal: c.MethodInternal } as Record<ProjectMethod, string>)[method] ?? method;
}

export function riskStatusLabel(c: IPmoHubCommonStrings, status: RiskStatus): string {
  return ({ Open: c.RiskStatusOpen, Mitigating: c.RiskStatusMitigating, Accepted: c.RiskStatusAccepted, Closed: c.RiskStatusClosed } as Record<RiskStatus, string>)[status] ?? status;
}

export function ragLabels(c: IPmoHubCommonStrings): Record<Rag | 'None', string> {
  return { Green: c.RagGreen, Amber: c.RagAmber, Red: c.RagRed, None: c.RagNone };
}
