// The pure side of the templates library: upload checks, filters, language variants, counts, revision board.
import {
  browse, countDownloads, fileIconName, firstPageText, groupVariants, mostUsed, nextRevisionAfter, orderByLanguage, periodStart,
  canApprove, revisionBoard, templateLanguageOf, uploadProblem
} from '../../../src/services/templates';
import type { LibraryTemplate } from '../../../src/model';

let seq = 0;
function t(p: Partial<LibraryTemplate>): LibraryTemplate {
  seq++;
  return { id: seq, fileName: `T${seq}.docx`, fileUrl: `/sites/pmo/PMOMethodTemplates/T${seq}.docx`, status: 'Approved', ...p };
}

describe('upload checks', () => {
  test.each([
    ['Plan #2 100%.docx', 1000, undefined],
    ['Översikt 計画.xlsx', 1000, undefined],
    ['', 10, 'empty'],
    ['a"b.docx', 10, 'invalidCharacters'],
    ['a:b.docx', 10, 'invalidCharacters'],
    [' lead.docx', 10, 'invalidCharacters'],
    ['dot.', 10, 'invalidCharacters'],
    [`${'x'.repeat(130)}.docx`, 10, 'tooLong'],
    ['setup.exe', 10, 'blockedType'],
    ['page.ASPX', 10, 'blockedType'],
    ['noextension', 10, 'blockedType'],
    ['empty.docx', 0, 'emptyFile'],
    ['big.pptx', 101 * 1024 * 1024, 'tooLarge']
  ] as const)('%j (%d bytes) → %s', (name, size, problem) => {
    expect(uploadProblem(name, size)).toBe(problem);
  });
});

describe('language variants', () => {
  const en = t({ templateKey: 'pid', language: 'en-US', title: 'PID' });
  const sv = t({ templateKey: 'PID', language: 'sv-SE', title: 'Projektdirektiv' });
  const da = t({ templateKey: 'pid', language: 'da-DK', title: 'Projektgrundlag', description: 'Gevinster og mål' });
  const nl = t({ templateKey: 'pid', language: 'nl-NL' });
  const lone = t({ language: 'sv-SE', title: 'Lone' });

  test('the user language first, then English, then the others', () => {
    expect(orderByLanguage([nl, da, sv, en], 'da-DK').map((x) => x.language)).toEqual(['da-DK', 'en-US', 'sv-SE', 'nl-NL']);
    expect(orderByLanguage([nl, da, sv, en], undefined).map((x) => x.language)).toEqual(['en-US', 'sv-SE', 'da-DK', 'nl-NL']);
  });

  test('variants group by key (case-insensitive); templates without a key stand alone', () => {
    const g = groupVariants([en, sv, lone, da, nl], 'sv-SE');
    expect(g.map((x) => [x.primary.id, x.variants.length])).toEqual([[sv.id, 4], [lone.id, 1]]);
  });

  test('a language filter keeps only that language; text matches any variant, accent-insensitively', () => {
    expect(browse([en, sv, da, nl, lone], { language: 'sv-SE' }, 'en-US').map((g) => g.variants.map((v) => v.id))).toEqual([[sv.id], [lone.id]]);
    expect(browse([en, sv, da, nl, lone], { text: 'gevinster mal' }, 'en-US').map((g) => g.primary.id)).toEqual([en.id]);
    expect(browse([en, sv, da, nl, lone], { text: 'nothing here' }, 'en-US')).toEqual([]);
  });

  test('UI locales map to template languages', () => {
    expect([templateLanguageOf('sv-FI'), templateLanguageOf('nl'), templateLanguageOf('de-DE')]).toEqual(['sv-SE', 'nl-NL', undefined]);
  });
});

describe('filters combine', () => {
  const a = t({ phase: 'Initiation', standard: 'PRINCE2', category: 'PID' });
  const b = t({ phase: 'Initiation', standard: 'PMI', category: 'Stakeholders' });
  const c = t({ phase: 'Planning', standard: 'PRINCE2', category: 'Budget' });
  test.each([
    [{ phase: 'Initiation' }, [a, b]], [{ phase: 'Initiation', standard: 'PRINCE2' }, [a]], [{ standard: 'PRINCE2', category: 'Budget' }, [c]],
    [{ phase: 'Planning', category: 'PID' }, []], [{}, [a, b, c]]
  ] as const)('%j', (filter, expected) => {
    expect(browse([a, b, c], filter, 'en-US').map((g) => g.primary.id)).toEqual(expected.map((x) => x.id));
  });
});

describe('download counts', () => {
  test('count per template within a period, and most used across variants', () => {
    const rows = [
      { templateId: 1, downloadedAt: '2026-01-01T10:00:00Z' }, { templateId: 1, downloadedAt: '2026-03-01T10:00:00Z' },
      { templateId: 2, downloadedAt: '2026-03-02T10:00:00Z' }, { templateId: undefined, downloadedAt: '2026-03-02T10:00:00Z' }
    ];
    expect([...countDownloads(rows).entries()]).toEqual([[1, 2], [2, 1]]);
    expect([...countDownloads(rows, '2026-02-01T00:00:00Z').entries()]).toEqual([[1, 1], [2, 1]]);
    const x = t({ templateKey: 'x', title: 'X', language: 'en-US' });
    const x2 = t({ templateKey: 'x', language: 'sv-SE' });
    const y = t({ title: 'Y' });
    const z = t({ title: 'Z' });
    const groups = groupVariants([x, x2, y, z], 'en-US');
    const counts = new Map([[x.id, 2], [x2.id, 3], [y.id, 4]]);
    expect(mostUsed(groups, counts, 5).map((m) => [m.group.primary.title, m.count])).toEqual([['X', 5], ['Y', 4]]);
  });

  test('periods end now', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    expect(periodStart('30d', now)).toBe('2026-10-23T12:00:00.000Z');
    expect(periodStart('all', now)).toBeUndefined();
  });
});

describe('revision board', () => {
  test('overdue and due within 30 days, most urgent first, never retired', () => {
    const over = t({ nextRevision: '2026-05-01' });
    const due = t({ nextRevision: '2026-12-10' });
    const later = t({ nextRevision: '2027-03-01' });
    const retired = t({ nextRevision: '2020-01-01', status: 'Retired' });
    const none = t({});
    expect(revisionBoard([due, later, retired, none, over], '2026-11-22').map((r) => [r.template.id, r.state])).toEqual([[over.id, 'overdue'], [due.id, 'due']]);
  });

  test('an approved template on the board can be approved again, which closes its revision (issue 11)', () => {
    const over = t({ nextRevision: '2026-05-01', version: '3.0', changeNote: 'Risks rewritten' } as Partial<LibraryTemplate>);
    expect(canApprove(over, '2026-11-22')).toBe(true);
    expect(canApprove(t({ nextRevision: '2026-12-10' }), '2026-11-22')).toBe(true);
    expect(canApprove(t({ nextRevision: '2027-06-01' }), '2026-11-22')).toBe(false);
    expect(canApprove(t({}), '2026-11-22')).toBe(false);
    expect(canApprove(t({ status: 'Draft' }), '2026-11-22')).toBe(true);
    expect(canApprove(t({ status: 'Retired', nextRevision: '2020-01-01' }), '2026-11-22')).toBe(true);
    // Approving writes lastRevised = today and nextRevision a year on: the board lets it go.
    const revised = { ...over, lastRevised: '2026-11-22', nextRevision: nextRevisionAfter('2026-11-22') };
    expect(revisionBoard([revised], '2026-11-22')).toEqual([]);
    expect(canApprove(revised, '2026-11-22')).toBe(false);
  });

  test('the next revision is a year later', () => {
    expect(nextRevisionAfter('2026-11-22')).toBe('2027-11-22');
    expect(nextRevisionAfter('2028-02-29')).toBe('2029-02-28');
  });
});

describe('files', () => {
  test('icons come from the Fluent icon font', () => {
    expect(['a.docx', 'b.XLSX', 'c.pptx', 'd.pdf', 'e.txt'].map(fileIconName)).toEqual(['WordDocument', 'ExcelDocument', 'PowerPointDocument', 'PDF', 'Page']);
  });

  test('the first page of a Word document stops at the page break; text stays text', () => {
    const doc = '<w:body><w:p><w:r><w:t>Title &amp; &lt;b&gt;</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">Intro </w:t></w:r><w:r><w:t>text</w:t></w:r></w:p>'
      + '<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>Section 1</w:t></w:r></w:p></w:body>';
    expect(firstPageText('docx', (n) => (n === 'word/document.xml' ? doc : undefined))).toEqual(['Title & <b>', 'Intro text']);
    expect(firstPageText('pdf', () => undefined)).toEqual([]);
  });
});
