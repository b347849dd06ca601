/**
 * Draws the Teams icons of each web part (teams/<id>_color.png, 192×192, and
 * teams/<id>_outline.png, 32×32 white on transparent, as the Teams manifest requires) from
 * Fluent UI's own SVG icons, rendered to SVG by React and rasterised by Debian's Chromium.
 * The PNGs are committed; run this again (`npx tsx tools/teams/icons.ts`) only when a web part
 * is added or its icon changes.
 */
import fs from 'fs';
import path from 'path';
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import * as Icons from '@fluentui/react-icons';
import { PNG } from 'pngjs';
import { launchChromium } from '../hub/chromium';
import { ROOT, accentColor, teamsApps } from './teamsApps';

/** One Fluent icon per web part, close to its toolbox icon (officeFabricIconFontName) and distinct from the others. */
export const TEAMS_ICONS: Record<string, string> = {
  ProjectRegisterWebPart: 'AppsList',
  StatusReportsWebPart: 'DocumentBulletList',
  RisksWebPart: 'Warning',
  PortfolioFiltersWebPart: 'Filter',
  KpiTilesWebPart: 'Gauge',
  StatusChartsWebPart: 'ChartMultiple',
  BudgetWebPart: 'Money',
  TimelineWebPart: 'Timeline',
  PortfolioRiskHeatMapWebPart: 'Grid',
  PrioritisationWebPart: 'Trophy',
  TemplatesWebPart: 'DocumentCopy',
  CommunityEventsWebPart: 'CalendarLtr',
  ExpertDirectoryWebPart: 'PeopleTeam',
  LessonsLearnedWebPart: 'Lightbulb',
  FrontDoorWebPart: 'Home',
  NewsWebPart: 'News',
  OkrWebPart: 'Target',
  PmoKpisWebPart: 'DataTrending',
  BenefitsWebPart: 'Savings'
};

function svg(name: string, size: number): string {
  const icon = (Icons as unknown as Record<string, React.ComponentType<Record<string, unknown>>>)[name];
  if (!icon) throw new Error(`@fluentui/react-icons has no ${name}`);
  // The component sizes itself by its own width/height attributes (the icon's design size); scale those.
  return renderToStaticMarkup(React.createElement(icon, { style: { color: '#ffffff', display: 'block' } }))
    .replace(/ width="\d+"/, ` width="${size}"`).replace(/ height="\d+"/, ` height="${size}"`);
}

/** Teams wants the outline icon white only: keep Chromium's coverage as alpha, make every pixel white. */
function whiteOnly(png: Buffer): Buffer {
  const image = PNG.sync.read(png);
  for (let i = 0; i < image.data.length; i += 4) {
    image.data[i] = 255; image.data[i + 1] = 255; image.data[i + 2] = 255;
  }
  return PNG.sync.write(image);
}

async function main(): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const app of teamsApps()) {
      const name = TEAMS_ICONS[app.alias];
      if (!name) throw new Error(`No Teams icon chosen for ${app.alias} in tools/teams/icons.ts`);
      // Colour: the glyph in the middle 96 px, Teams' "safe region", on the accent colour.
      await page.setContent(`<body style="margin:0"><div id="c" style="width:192px;height:192px;background:${accentColor(app.alias)};display:flex;align-items:center;justify-content:center">${svg(`${name}24Filled`, 96)}</div>
        <div id="o" style="width:32px;height:32px;display:flex;align-items:center;justify-content:center">${svg(`${name}24Regular`, 28)}</div></body>`);
      fs.writeFileSync(path.join(ROOT, 'teams', app.colorIcon), await page.locator('#c').screenshot());
      fs.writeFileSync(path.join(ROOT, 'teams', app.outlineIcon), whiteOnly(await page.locator('#o').screenshot({ omitBackground: true })));
      console.log(`${app.alias}: ${name}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
