// The hub's property pane renders each web part's own SPFx pane definition through a stand-in for
// SPFx's field factories: the stand-in must number field types as SPFx does, and every field type
// the web parts' panes use must be one the hub draws. (SPFx's own package does not load outside
// SharePoint, so the panes are built here with the stand-in, as in the hub, and the numbers are
// read from SPFx's type declarations.)
jest.mock('@microsoft/sp-property-pane', () => jest.requireActual('../../../tools/hub/client/spPropertyPane'));
import fs from 'fs';
import ts from 'typescript';
import type * as real from '@microsoft/sp-property-pane';
import * as standIn from '../../../tools/hub/client/spPropertyPane';
import { projectRegisterComposition } from '../../../src/webparts/projectRegister/composition';
import { statusReportsComposition } from '../../../src/webparts/statusReports/composition';
import { risksComposition } from '../../../src/webparts/risks/composition';
import { templatesComposition } from '../../../src/webparts/templates/composition';
import { communityEventsComposition, expertDirectoryComposition, lessonsLearnedComposition } from '../../../src/webparts/community/shared/compositions';
import { portfolioFiltersComposition } from '../../../src/webparts/portfolio/filters/composition';
import { kpiTilesComposition } from '../../../src/webparts/portfolio/kpiTiles/composition';
import { statusChartsComposition } from '../../../src/webparts/portfolio/statusCharts/composition';
import { budgetComposition } from '../../../src/webparts/portfolio/budget/composition';
import { timelineComposition } from '../../../src/webparts/portfolio/timeline/composition';
import { portfolioRiskHeatMapComposition } from '../../../src/webparts/portfolio/riskHeatMap/composition';
import { prioritisationComposition } from '../../../src/webparts/portfolio/prioritisation/composition';
import { frontDoorComposition } from '../../../src/webparts/frontDoor/composition';
import { newsComposition } from '../../../src/webparts/frontDoor/newsComposition';
import { okrComposition } from '../../../src/webparts/okr/composition';
import { pmoKpisComposition } from '../../../src/webparts/pmoKpis/composition';

/** Strings whose every key reads as its own name: the panes' structure, not their words, is tested here. */
const keys = new Proxy({}, { get: (_t, k) => (k === 'register' || k === 'status' || k === 'risks' ? keys : String(k)) }) as never;

const ALL = {
  projectRegisterComposition, statusReportsComposition, risksComposition, templatesComposition, communityEventsComposition,
  expertDirectoryComposition, lessonsLearnedComposition, portfolioFiltersComposition, kpiTilesComposition, statusChartsComposition,
  budgetComposition, timelineComposition, portfolioRiskHeatMapComposition, prioritisationComposition, frontDoorComposition, newsComposition,
  okrComposition, pmoKpisComposition
};

const DRAWN = new Set([standIn.PropertyPaneFieldType.TextField, standIn.PropertyPaneFieldType.Toggle, standIn.PropertyPaneFieldType.Dropdown,
  standIn.PropertyPaneFieldType.Slider, standIn.PropertyPaneFieldType.ChoiceGroup, standIn.PropertyPaneFieldType.DynamicFieldSet]);

describe('property panes in the hub', () => {
  it('the stand-in numbers field types as SPFx declares them', () => {
    const file = require.resolve('@microsoft/sp-property-pane/dist/index-internal.d.ts');
    const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    const decl = src.statements.find((st): st is ts.EnumDeclaration => ts.isEnumDeclaration(st) && st.name.text === 'PropertyPaneFieldType');
    const spfx = Object.fromEntries((decl?.members ?? []).map((m) => [(m.name as ts.Identifier).text, Number((m.initializer as ts.NumericLiteral).text)]));
    const ours = Object.fromEntries(Object.entries(standIn.PropertyPaneFieldType).filter(([, v]) => typeof v === 'number'));
    expect(Object.keys(ours).length).toBeGreaterThan(10);
    for (const [name, value] of Object.entries(ours)) expect([name, spfx[name]]).toEqual([name, value]);
  });

  it.each(Object.entries(ALL))('%s: every field of its pane is one the hub draws', (_name, composition) => {
    const pane = (composition.propertyPane as (s: never, c: never) => real.IPropertyPaneConfiguration)(keys, keys);
    const fields = pane.pages.flatMap((p) => p.groups.flatMap((g) => (g as real.IPropertyPaneGroup).groupFields));
    expect(fields.length).toBeGreaterThan(0);
    for (const f of fields) expect([f.targetProperty, DRAWN.has(f.type as unknown as standIn.PropertyPaneFieldType)]).toEqual([f.targetProperty, true]);
  });

  // One site field for all (shared/siteDataPane.ts): each pane names the site once, and a URL SharePoint
  // would not answer at is refused at the field, with the web part's own message, before it is saved.
  it.each(Object.entries(ALL))('%s: one site field, which refuses what is not an https site URL', (_name, composition) => {
    const pane = (composition.propertyPane as (s: never, c: never) => real.IPropertyPaneConfiguration)(keys, keys);
    const fields = pane.pages.flatMap((p) => p.groups.flatMap((g) => (g as real.IPropertyPaneGroup).groupFields));
    const site = fields.filter((f) => f.targetProperty === 'siteUrl');
    expect(site).toHaveLength(1);
    const check = (site[0].properties as real.IPropertyPaneTextFieldProps).onGetErrorMessage as (v: string) => string;
    expect(check('http://contoso.sharepoint.com/sites/pmo')).toBe('SiteUrlInvalid');
    expect(check('contoso/sites/pmo')).toBe('SiteUrlInvalid');
    expect(check('https://contoso.sharepoint.com/sites/pmo')).toBe('');
    expect(check('')).toBe('');
  });
});
