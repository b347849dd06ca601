import * as path from 'path';
import type { IRiskService } from '../../../src/services/editing';
import type { Risk } from '../../../src/model/portfolio';
import type { NewItem } from '../../../src/model/common';
import { loadAmdFile } from '../loc/amd';

const root = path.resolve(__dirname, '../../..');
export const riskStrings = (locale: string = 'en-us'): IRisksWebPartStrings =>
  loadAmdFile(path.join(root, `src/webparts/risks/loc/${locale}.js`)) as IRisksWebPartStrings;

export function risk(id: number, over: Partial<Risk> = {}): Risk {
  const probability = over.probability ?? 3;
  const impact = over.impact ?? 3;
  return {
    id, etag: `"${id},1"`, title: `Risk ${id}`, project: { id: 1, title: 'Project 1' },
    probability, impact, score: probability * impact, status: 'Open', ...over
  };
}

type Step = Risk | Error;

export class FakeRisks implements IRiskService {
  public loads = 0;
  public loadFailures: Error[] = [];
  public saves: Array<{ risk: Risk | NewItem<Risk>; options?: { overwrite?: boolean } }> = [];
  public saveSteps: Step[] = [];
  public deleted: Risk[] = [];
  private nextId = 100;

  public constructor(public risks: Risk[] = []) {}

  public async forProject(projectId: number): Promise<Risk[]> {
    this.loads++;
    const e = this.loadFailures.shift();
    if (e) throw e;
    return this.risks.filter((r) => r.project.id === projectId);
  }

  public async saveRisk(r: Risk | NewItem<Risk>, options?: { overwrite?: boolean }): Promise<Risk> {
    this.saves.push({ risk: r, options });
    const step = this.saveSteps.shift();
    if (step instanceof Error) throw step;
    const saved = step ?? ({ ...r, id: 'id' in r ? r.id : this.nextId++, etag: '"new"', score: r.probability * r.impact } as Risk);
    this.risks = [saved, ...this.risks.filter((x) => x.id !== saved.id)];
    return saved;
  }

  public async deleteRisk(r: Risk): Promise<void> {
    this.deleted.push(r);
    this.risks = this.risks.filter((x) => x.id !== r.id);
  }
}
