import type { TemplateCategory, TemplateLanguage, TemplateStandard, TemplateStatus, WorkPhase } from '../model/methods';

/**
 * The demo's method templates as genuine Office files, made at seed time with maintained
 * libraries (docx, pptxgenjs, exceljs), in the hub's four languages. Small on purpose: a cover,
 * the sections to fill in, and instructions; enough that a download opens in Word, Excel or
 * PowerPoint and the preview has a first page to show.
 */

type Lang = TemplateLanguage;
type Texts = Record<Lang, string>;

export interface DemoTemplateSpec {
  /** Shared by the language variants (the library's template key). */
  key: string;
  ext: 'docx' | 'xlsx' | 'pptx';
  phase: WorkPhase;
  category: TemplateCategory;
  standard: TemplateStandard;
  title: Texts;
  description: Texts;
  /** Section headings (Word), slide titles (PowerPoint) or column headers (Excel). */
  sections: Record<Lang, string[]>;
  /**
   * When it was last revised and is next due, in days from the day the seed runs, so the
   * revision board always has something overdue, something due soon and something later.
   */
  revisedDaysAgo: number;
  revisionDueInDays: number;
  /** Languages it exists in (all four for the core set). */
  languages: Lang[];
  status?: TemplateStatus;
  owner: 'astrid' | 'mikkel';
}

const ALL: Lang[] = ['en-US', 'sv-SE', 'da-DK', 'nl-NL'];

const LANG_SUFFIX: Record<Lang, string> = { 'en-US': 'en', 'sv-SE': 'sv', 'da-DK': 'da', 'nl-NL': 'nl' };

const COMMON: Record<Lang, { version: string; owner: string; instructions: string; fill: string }> = {
  'en-US': { version: 'Version', owner: 'Template owner: the PMO', instructions: 'Replace the text in italics; delete what does not apply.', fill: 'Describe here.' },
  'sv-SE': { version: 'Version', owner: 'Mallägare: PMO', instructions: 'Ersätt den kursiva texten; ta bort det som inte gäller.', fill: 'Beskriv här.' },
  'da-DK': { version: 'Version', owner: 'Skabelonejer: PMO', instructions: 'Erstat den kursive tekst; slet det, der ikke er relevant.', fill: 'Beskriv her.' },
  'nl-NL': { version: 'Versie', owner: 'Eigenaar sjabloon: het PMO', instructions: 'Vervang de cursieve tekst; verwijder wat niet van toepassing is.', fill: 'Beschrijf hier.' }
};

export const DEMO_TEMPLATES: DemoTemplateSpec[] = [
  {
    key: 'pid', ext: 'docx', phase: 'Initiation', category: 'PID', standard: 'PRINCE2', languages: ALL, owner: 'mikkel',
    revisedDaysAgo: 360, revisionDueInDays: 5,
    title: { 'en-US': 'Project initiation document', 'sv-SE': 'Projektdirektiv', 'da-DK': 'Projektgrundlag', 'nl-NL': 'Projectinitiatiedocument' },
    description: {
      'en-US': 'The PID: why, what, who and how of a project, for the steering group to approve at the end of initiation.',
      'sv-SE': 'Projektdirektivet: varför, vad, vem och hur, för styrgruppens beslut i slutet av initieringen.',
      'da-DK': 'Projektgrundlaget: hvorfor, hvad, hvem og hvordan, til styregruppens godkendelse ved slutningen af initieringen.',
      'nl-NL': 'Het PID: waarom, wat, wie en hoe van een project, ter goedkeuring door de stuurgroep aan het eind van de initiatie.'
    },
    sections: {
      'en-US': ['Background', 'Objectives and benefits', 'Scope and exclusions', 'Organisation and roles', 'Plan and milestones', 'Budget', 'Risks', 'Approval'],
      'sv-SE': ['Bakgrund', 'Mål och nyttor', 'Omfattning och avgränsningar', 'Organisation och roller', 'Plan och milstolpar', 'Budget', 'Risker', 'Beslut'],
      'da-DK': ['Baggrund', 'Mål og gevinster', 'Omfang og afgrænsninger', 'Organisation og roller', 'Plan og milepæle', 'Budget', 'Risici', 'Godkendelse'],
      'nl-NL': ['Achtergrond', 'Doelen en baten', 'Scope en afbakening', 'Organisatie en rollen', 'Planning en mijlpalen', 'Budget', "Risico's", 'Goedkeuring']
    }
  },
  {
    key: 'steering-group', ext: 'pptx', phase: 'Execution', category: 'SteeringGroup', standard: 'PRINCE2', languages: ALL, owner: 'mikkel',
    revisedDaysAgo: 287, revisionDueInDays: 78,
    title: { 'en-US': 'Steering group meeting', 'sv-SE': 'Styrgruppsmöte', 'da-DK': 'Styregruppemøde', 'nl-NL': 'Stuurgroepvergadering' },
    description: {
      'en-US': 'Slides for a steering group that decides: status in one slide, then the decisions asked for.',
      'sv-SE': 'Bilder för en styrgrupp som beslutar: status på en bild, sedan besluten som behövs.',
      'da-DK': 'Slides til en styregruppe, der træffer beslutninger: status på ét slide, derefter beslutningerne.',
      'nl-NL': 'Slides voor een stuurgroep die besluit: status op één slide, daarna de gevraagde besluiten.'
    },
    sections: {
      'en-US': ['Status at a glance', 'Decisions asked for', 'Risks and issues', 'Next steps'],
      'sv-SE': ['Status i korthet', 'Beslut som behövs', 'Risker och problem', 'Nästa steg'],
      'da-DK': ['Status kort fortalt', 'Beslutninger', 'Risici og problemer', 'Næste skridt'],
      'nl-NL': ['Status in het kort', 'Gevraagde besluiten', "Risico's en issues", 'Volgende stappen']
    }
  },
  {
    key: 'test-plan', ext: 'docx', phase: 'Execution', category: 'Test', standard: 'ITIL', languages: ALL, owner: 'astrid',
    revisedDaysAgo: 518, revisionDueInDays: -153,
    title: { 'en-US': 'Test plan', 'sv-SE': 'Testplan', 'da-DK': 'Testplan', 'nl-NL': 'Testplan' },
    description: {
      'en-US': 'What is tested, how, by whom and when; acceptance criteria and go-live readiness.',
      'sv-SE': 'Vad som testas, hur, av vem och när; acceptanskriterier och beredskap för driftsättning.',
      'da-DK': 'Hvad der testes, hvordan, af hvem og hvornår; acceptkriterier og parathed til idriftsættelse.',
      'nl-NL': 'Wat wordt getest, hoe, door wie en wanneer; acceptatiecriteria en gereedheid voor livegang.'
    },
    sections: {
      'en-US': ['Test scope', 'Test levels', 'Environments and data', 'Roles', 'Acceptance criteria', 'Schedule'],
      'sv-SE': ['Testomfattning', 'Testnivåer', 'Miljöer och data', 'Roller', 'Acceptanskriterier', 'Tidplan'],
      'da-DK': ['Testomfang', 'Testniveauer', 'Miljøer og data', 'Roller', 'Acceptkriterier', 'Tidsplan'],
      'nl-NL': ['Testscope', 'Testniveaus', 'Omgevingen en data', 'Rollen', 'Acceptatiecriteria', 'Planning']
    }
  },
  {
    key: 'benefits', ext: 'docx', phase: 'Closing', category: 'BenefitsRealisation', standard: 'PMI', languages: ALL, owner: 'astrid',
    revisedDaysAgo: 309, revisionDueInDays: 25,
    title: { 'en-US': 'Benefits realisation plan', 'sv-SE': 'Nyttorealiseringsplan', 'da-DK': 'Gevinstrealiseringsplan', 'nl-NL': 'Batenrealisatieplan' },
    description: {
      'en-US': 'Which benefits, measured how, owned by whom, and when they are followed up after closure.',
      'sv-SE': 'Vilka nyttor, hur de mäts, vem som äger dem och när de följs upp efter avslut.',
      'da-DK': 'Hvilke gevinster, hvordan de måles, hvem der ejer dem, og hvornår de følges op efter afslutning.',
      'nl-NL': 'Welke baten, hoe gemeten, wie eigenaar is en wanneer ze na afsluiting worden opgevolgd.'
    },
    sections: {
      'en-US': ['Benefits', 'Measures and baselines', 'Benefit owners', 'Follow-up schedule'],
      'sv-SE': ['Nyttor', 'Mått och utgångsvärden', 'Nyttoägare', 'Uppföljning'],
      'da-DK': ['Gevinster', 'Mål og udgangspunkt', 'Gevinstejere', 'Opfølgning'],
      'nl-NL': ['Baten', 'Indicatoren en nulmeting', 'Bateneigenaren', 'Opvolging']
    }
  },
  {
    key: 'budget', ext: 'xlsx', phase: 'Planning', category: 'Budget', standard: 'Internal', languages: ALL, owner: 'mikkel',
    revisedDaysAgo: 259, revisionDueInDays: 106,
    title: { 'en-US': 'Project budget', 'sv-SE': 'Projektbudget', 'da-DK': 'Projektbudget', 'nl-NL': 'Projectbegroting' },
    description: {
      'en-US': 'Budget per cost type and quarter, with forecast and actuals for status reporting.',
      'sv-SE': 'Budget per kostnadsslag och kvartal, med prognos och utfall för statusrapporteringen.',
      'da-DK': 'Budget pr. omkostningstype og kvartal, med prognose og forbrug til statusrapporteringen.',
      'nl-NL': 'Begroting per kostensoort en kwartaal, met prognose en realisatie voor de statusrapportage.'
    },
    sections: {
      'en-US': ['Cost type', 'Q1', 'Q2', 'Q3', 'Q4', 'Total', 'Forecast', 'Actual'],
      'sv-SE': ['Kostnadsslag', 'K1', 'K2', 'K3', 'K4', 'Summa', 'Prognos', 'Utfall'],
      'da-DK': ['Omkostningstype', 'K1', 'K2', 'K3', 'K4', 'I alt', 'Prognose', 'Forbrug'],
      'nl-NL': ['Kostensoort', 'K1', 'K2', 'K3', 'K4', 'Totaal', 'Prognose', 'Realisatie']
    }
  },
  {
    key: 'project-plan', ext: 'xlsx', phase: 'Planning', category: 'Planning', standard: 'PMI', languages: ALL, owner: 'mikkel',
    revisedDaysAgo: 259, revisionDueInDays: 106,
    title: { 'en-US': 'Project plan', 'sv-SE': 'Projektplan', 'da-DK': 'Projektplan', 'nl-NL': 'Projectplan' },
    description: {
      'en-US': 'Phases, milestones and deliverables with owners and dates; the basis of the timeline.',
      'sv-SE': 'Faser, milstolpar och leveranser med ansvariga och datum; grunden för tidslinjen.',
      'da-DK': 'Faser, milepæle og leverancer med ansvarlige og datoer; grundlaget for tidslinjen.',
      'nl-NL': 'Fasen, mijlpalen en producten met eigenaren en data; de basis van de tijdlijn.'
    },
    sections: {
      'en-US': ['Phase', 'Milestone or deliverable', 'Owner', 'Start', 'End', 'Status'],
      'sv-SE': ['Fas', 'Milstolpe eller leverans', 'Ansvarig', 'Start', 'Slut', 'Status'],
      'da-DK': ['Fase', 'Milepæl eller leverance', 'Ansvarlig', 'Start', 'Slut', 'Status'],
      'nl-NL': ['Fase', 'Mijlpaal of product', 'Eigenaar', 'Start', 'Einde', 'Status']
    }
  },
  {
    key: 'stakeholder-map', ext: 'pptx', phase: 'Initiation', category: 'Stakeholders', standard: 'IPMA', languages: ALL, owner: 'astrid',
    revisedDaysAgo: 563, revisionDueInDays: -198,
    title: { 'en-US': 'Stakeholder map', 'sv-SE': 'Intressentkarta', 'da-DK': 'Interessentkort', 'nl-NL': 'Stakeholderkaart' },
    description: {
      'en-US': 'Stakeholders by influence and interest, with how each is engaged.',
      'sv-SE': 'Intressenter efter inflytande och intresse, och hur var och en involveras.',
      'da-DK': 'Interessenter efter indflydelse og interesse, og hvordan hver enkelt involveres.',
      'nl-NL': 'Stakeholders naar invloed en belang, en hoe ieder wordt betrokken.'
    },
    sections: {
      'en-US': ['Influence and interest', 'Engagement plan'],
      'sv-SE': ['Inflytande och intresse', 'Plan för involvering'],
      'da-DK': ['Indflydelse og interesse', 'Plan for involvering'],
      'nl-NL': ['Invloed en belang', 'Betrokkenheidsplan']
    }
  },
  {
    key: 'risk-log', ext: 'xlsx', phase: 'Planning', category: 'Risk', standard: 'Internal', languages: ['en-US'], owner: 'mikkel', status: 'Draft',
    revisedDaysAgo: 45, revisionDueInDays: 320,
    title: { 'en-US': 'Risk log (next revision, draft)', 'sv-SE': '', 'da-DK': '', 'nl-NL': '' },
    description: { 'en-US': 'The risk log for the next revision, with scoring 1–5; in review by the PMO.', 'sv-SE': '', 'da-DK': '', 'nl-NL': '' },
    sections: { 'en-US': ['Risk', 'Probability', 'Impact', 'Score', 'Owner', 'Mitigation'], 'sv-SE': [], 'da-DK': [], 'nl-NL': [] }
  },
  {
    key: 'closure-2019', ext: 'docx', phase: 'Closing', category: 'Closure', standard: 'Internal', languages: ['en-US'], owner: 'astrid', status: 'Retired',
    revisedDaysAgo: 2785, revisionDueInDays: -2419,
    title: { 'en-US': 'Closure report (2019)', 'sv-SE': '', 'da-DK': '', 'nl-NL': '' },
    description: { 'en-US': 'Replaced by the benefits realisation plan and the lessons learned log.', 'sv-SE': '', 'da-DK': '', 'nl-NL': '' },
    sections: { 'en-US': ['Summary', 'Deliverables', 'Lessons'], 'sv-SE': [], 'da-DK': [], 'nl-NL': [] }
  }
];

export function demoFileName(spec: DemoTemplateSpec, lang: Lang): string {
  return `${spec.title[lang]} (${LANG_SUFFIX[lang]}).${spec.ext}`;
}

/** Fixed dates in the files' properties, so two seeds write the same documents. */
const CREATED = new Date(Date.UTC(2026, 0, 15, 9, 0, 0));

/** The template's revision dates (ISO days) for a seed run on `today` (UTC midnight, ms). */
export function demoRevisionDates(spec: DemoTemplateSpec, today: number): { lastRevised: string; nextRevision: string } {
  const day = (offset: number): string => new Date(today + offset * 86_400_000).toISOString().slice(0, 10);
  return { lastRevised: day(-spec.revisedDaysAgo), nextRevision: day(spec.revisionDueInDays) };
}

/** `today` (UTC midnight, ms) dates the version line on the cover. */
export async function demoFile(spec: DemoTemplateSpec, lang: Lang, today: number): Promise<Buffer> {
  const version = demoRevisionDates(spec, today).lastRevised.slice(0, 4);
  if (spec.ext === 'docx') return wordFile(spec, lang, version);
  if (spec.ext === 'pptx') return slidesFile(spec, lang, version);
  return workbookFile(spec, lang);
}

async function wordFile(spec: DemoTemplateSpec, lang: Lang, version: string): Promise<Buffer> {
  const d = await import(/* webpackChunkName: 'seed-docx' */ 'docx');
  const c = COMMON[lang];
  const children = [
    new d.Paragraph({ text: spec.title[lang], heading: d.HeadingLevel.TITLE }),
    new d.Paragraph({ children: [new d.TextRun({ text: spec.description[lang] })] }),
    new d.Paragraph({ children: [new d.TextRun({ text: `${c.version} ${version} · ${c.owner}`, color: '605E5C' })] }),
    new d.Paragraph({ children: [new d.TextRun({ text: c.instructions, italics: true })] })
  ];
  spec.sections[lang].forEach((s, i) => {
    children.push(new d.Paragraph({ text: `${i + 1}. ${s}`, heading: d.HeadingLevel.HEADING_1, pageBreakBefore: i === 0 }));
    children.push(new d.Paragraph({ children: [new d.TextRun({ text: c.fill, italics: true, color: '605E5C' })] }));
  });
  const doc = new d.Document({
    creator: 'PMO Hub', title: spec.title[lang], description: spec.description[lang], lastModifiedBy: 'PMO Hub',
    sections: [{ children }]
  });
  const buffer = await d.Packer.toBuffer(doc);
  return Buffer.from(buffer);
}

async function slidesFile(spec: DemoTemplateSpec, lang: Lang, version: string): Promise<Buffer> {
  const mod = await import(/* webpackChunkName: 'seed-pptx' */ 'pptxgenjs');
  const PptxGenJS = (mod as unknown as { default?: typeof mod.default }).default ?? (mod as unknown as typeof mod.default);
  const pptx = new PptxGenJS();
  pptx.author = 'PMO Hub';
  pptx.company = 'PMO';
  pptx.title = spec.title[lang];
  pptx.layout = 'LAYOUT_16x9';
  const c = COMMON[lang];
  const cover = pptx.addSlide();
  cover.addText(spec.title[lang], { x: 0.5, y: 1.6, w: 9, h: 1, fontSize: 36, bold: true, color: '1F3864' });
  cover.addText(spec.description[lang], { x: 0.5, y: 2.7, w: 9, h: 1, fontSize: 16, color: '404040' });
  cover.addText(`${c.version} ${version} · ${c.owner}`, { x: 0.5, y: 4.6, w: 9, h: 0.4, fontSize: 11, color: '605E5C' });
  for (const s of spec.sections[lang]) {
    const slide = pptx.addSlide();
    slide.addText(s, { x: 0.5, y: 0.3, w: 9, h: 0.8, fontSize: 28, bold: true, color: '1F3864' });
    slide.addText(c.fill, { x: 0.5, y: 1.3, w: 9, h: 3, fontSize: 16, italic: true, color: '605E5C', valign: 'top' });
  }
  const out = await pptx.write({ outputType: 'nodebuffer', compression: true });
  return Buffer.from(out as Uint8Array);
}

async function workbookFile(spec: DemoTemplateSpec, lang: Lang): Promise<Buffer> {
  const mod = await import(/* webpackChunkName: 'seed-xlsx' */ 'exceljs');
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PMO Hub';
  wb.created = CREATED;
  wb.modified = CREATED;
  wb.title = spec.title[lang];
  const sheet = wb.addWorksheet(spec.title[lang].slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  sheet.addRow([spec.title[lang]]).font = { bold: true, size: 16 };
  sheet.addRow([spec.description[lang]]);
  sheet.addRow([COMMON[lang].instructions]).font = { italic: true };
  sheet.addRow([]);
  const header = sheet.addRow(spec.sections[lang]);
  header.font = { bold: true };
  sheet.columns.forEach((col) => { col.width = 18; });
  sheet.views = [{ state: 'frozen', ySplit: 5 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
