// Amber is one amber everywhere, and every RAG colour can be seen: WCAG contrast computed with
// Fluent's own colour utilities against the page background of a light and a dark theme.
import * as fs from 'fs';
import * as path from 'path';
import { createTheme, getColorFromString, getContrastRatio, type IColor, type Theme } from '@fluentui/react';
import { ragColours, ragTextOn } from '../../../src/components/ragColours';

const RAGS = ['Green', 'Amber', 'Red'] as const;

function colour(text: string): IColor {
  const c = getColorFromString(text);
  if (!c) throw new Error(`not a colour: ${text}`);
  return c;
}
const contrast = (a: string, b: string): number => getContrastRatio(colour(a), colour(b));

const THEMES: Array<[string, Theme]> = [
  ['SharePoint default (light)', createTheme({})],
  // Teams' dark theme and an inverted site theme: the page is near-black.
  ['Teams dark', createTheme({ isInverted: true, semanticColors: { bodyBackground: '#1f1f1f' } })],
  ['inverted site theme', createTheme({ isInverted: true, semanticColors: { bodyBackground: '#292929' } })]
];

describe.each(THEMES)('RAG colours on %s', (_name, theme) => {
  const fill = ragColours(theme);
  const text = ragTextOn(theme);
  const page = theme.semanticColors.bodyBackground;

  it.each(RAGS)('%s stands out from the page by at least 3:1 (WCAG 1.4.11, graphics)', (rag) => {
    expect(contrast(fill[rag], page)).toBeGreaterThanOrEqual(3);
  });

  it.each(RAGS)('text or a glyph on %s reads at 4.5:1 or more (WCAG 1.4.3)', (rag) => {
    expect(contrast(text[rag], fill[rag])).toBeGreaterThanOrEqual(4.5);
  });

  it('draws Amber as amber, not as the orange-red that reads as Red', () => {
    const amber = colour(fill.Amber);
    expect(amber.h).toBeGreaterThanOrEqual(30);
    expect(amber.h).toBeLessThanOrEqual(50);
    expect(colour(fill.Red).h < 10 || colour(fill.Red).h > 340).toBe(true);
  });
});

describe('one palette', () => {
  const SRC = path.resolve(__dirname, '../../../src');
  const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []);

  it('no component colours a status with Fluent\'s warning colours or its own amber', () => {
    const offenders: string[] = [];
    for (const file of files(SRC)) {
      if (file.endsWith(path.join('components', 'ragColours.ts'))) continue;
      const text = fs.readFileSync(file, 'utf8');
      // severeWarningIcon is orange-red and warningIcon grey on SharePoint's default theme.
      if (/semanticColors\.(severeWarningIcon|warningIcon|successIcon|errorIcon)\b/.test(text)) offenders.push(path.relative(SRC, file));
      if (/#(c87800|d83b01|ffaa44|f2a93b)\b/i.test(text)) offenders.push(path.relative(SRC, file));
    }
    expect(offenders).toEqual([]);
  });
});
