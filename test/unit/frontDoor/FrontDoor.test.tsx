import * as path from 'path';
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { initializeIcons } from '@fluentui/react';
import FrontDoor from '../../../src/webparts/frontDoor/components/FrontDoor';
import News from '../../../src/webparts/frontDoor/components/News';
import type { IFrontDoorService } from '../../../src/services/FrontDoorService';
import type { INewsService } from '../../../src/services/NewsService';
import { arrangeContent } from '../../../src/services/FrontDoorService';
import type { FrontDoorText, KeyFigures, NewsPost } from '../../../src/model/frontDoor';
import type { CommunityEvent } from '../../../src/model/community';
import type { SiteTimeZone } from '../../../src/services/siteTimeZone';
import { pageLinks } from '../../../src/webparts/frontDoor/pageLinks';
import { loadAmdFile } from '../loc/amd';
import { commonStrings } from '../statusReports/fakes';

initializeIcons(undefined, { disableWarnings: true });
jest.setTimeout(60000);

const loc = (lang: string): IFrontDoorWebPartStrings =>
  loadAmdFile(path.resolve(__dirname, `../../../src/webparts/frontDoor/loc/${lang}.js`)) as IFrontDoorWebPartStrings;
const s = loc('en-us');
const c = commonStrings();

let id = 0;
const text = (t: Partial<FrontDoorText> & Pick<FrontDoorText, 'section' | 'title' | 'language'>): FrontDoorText => ({ id: ++id, profiles: [], ...t });

const TEXTS: FrontDoorText[] = [
  text({ section: 'Purpose', language: 'sv-SE', title: 'PMO hjälper våra projekt att lyckas', body: 'Vi samordnar portföljen.' }),
  text({ section: 'Service', language: 'sv-SE', title: 'Statusrapportering', serviceArea: 'Control', body: 'En kort rapport i månaden.', sortOrder: 20 }),
  text({ section: 'Service', language: 'sv-SE', title: 'Mötescykeln', serviceArea: 'Coordinate', sortOrder: 10 }),
  text({ section: 'Service', language: 'sv-SE', title: 'Portföljöversikt', serviceArea: 'Coordinate', profiles: ['portfolio', 'enterprise'] }),
  text({ section: 'Role', language: 'sv-SE', title: 'Styrgrupp', governanceRole: 'SteeringGroup', body: 'Beslutar om start och avslut.' }),
  text({ section: 'Team', language: 'sv-SE', title: 'PMO-chef', contact: { id: 7, title: 'Astrid Lindqvist', email: 'astrid@contoso.com' }, body: 'Portfölj och styrning.' }),
  text({ section: 'Purpose', language: 'en-US', title: 'The PMO helps our projects succeed', body: '<img src=x onerror="window.__pwned=1"> We coordinate.' })
];

const EVENTS: CommunityEvent[] = [
  { id: 1, title: 'Kvartalsvis utmaningsmöte K4 2026', eventType: 'QuarterlyChallenge', startDate: '2026-11-20T09:00:00Z', location: 'Stockholm', audience: [] }
];

class FakeFrontDoor implements IFrontDoorService {
  public calls = 0;
  public saved: FrontDoorText[] = [];
  public editor = false;
  public zone: SiteTimeZone = { iana: 'UTC', description: '(UTC) Coordinated Universal Time' };
  public constructor(private readonly texts: FrontDoorText[], private readonly figures: () => Promise<KeyFigures>, private readonly fail = 0, private readonly profile = 'excellence') {}
  public timeZone(): Promise<SiteTimeZone> { return Promise.resolve(this.zone); }
  public canEdit(): Promise<boolean> { return Promise.resolve(this.editor); }
  public listUrl(): string { return '/sites/pmo/Lists/PMOFrontDoor'; }
  public saveText(t: FrontDoorText): Promise<FrontDoorText> {
    this.saved.push(t);
    const i = this.texts.findIndex((x) => x.id === t.id);
    // Kept as the list would store it, so the reload shows it.
    this.texts[i] = { ...t, etag: '"2"' };
    return Promise.resolve(this.texts[i]);
  }
  public content(locale: string): ReturnType<IFrontDoorService['content']> {
    this.calls++;
    if (this.calls <= this.fail) return Promise.reject(Object.assign(new Error('boom'), { status: 500 }));
    return Promise.resolve({ ...arrangeContent(this.texts, locale, this.profile), pages: ['home', 'projects', 'templates', 'community'] });
  }
  public keyFigures(): Promise<KeyFigures> { return this.figures(); }
  public nextEvents(): Promise<CommunityEvent[]> { return Promise.resolve(EVENTS); }
}

const links = (pages: readonly string[]): ReturnType<typeof pageLinks> => pageLinks('https://contoso.sharepoint.com/sites/pmo', pages);
const FIGURES: KeyFigures = { activeProjects: 1234, reportsOnTimePct: 87, approvedTemplates: 25, experts: 6 };

describe('FrontDoor', () => {
  it('shows the PMO\'s own texts in the visitor\'s language, grouped as Home shows them, with links to the site\'s pages', async () => {
    render(<FrontDoor service={new FakeFrontDoor(TEXTS, () => Promise.resolve(FIGURES))} strings={loc('sv-se')} common={c} locale="sv-SE" links={links} staleDays={30} />);
    await screen.findByRole('heading', { level: 2, name: 'PMO hjälper våra projekt att lyckas' });
    const quick = screen.getByRole('navigation', { name: 'Snabblänkar' });
    expect(within(quick).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Rapportera status', '/sites/pmo/SitePages/Projects.aspx'], ['Hitta en mall', '/sites/pmo/SitePages/Templates.aspx'],
      ['Fråga en expert', '/sites/pmo/SitePages/Community.aspx']
    ]);
    // The site's profile (excellence) has no portfolio page: no link to it, and the portfolio-only service is left out.
    expect(screen.queryByText('Se portföljen')).toBeNull();
    expect(screen.queryByText('Portföljöversikt')).toBeNull();
    // Services under coordinate / control / support, in the PMO's order.
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent).slice(0, 2)).toEqual(['Samordna', 'Styra och följa upp']);
    expect(screen.getByRole('row', { name: /Styrgrupp/ }).textContent).toContain('Beslutar om start och avslut.');
    expect(screen.getByRole('link', { name: 'Skicka e-post till Astrid Lindqvist: astrid@contoso.com' }).getAttribute('href')).toBe('mailto:astrid@contoso.com');
    expect(screen.getByRole('heading', { name: 'Kvartalsvis utmaningsmöte K4 2026' })).toBeTruthy();
    const figures = screen.getByRole('region', { name: 'Nyckeltal' });
    // Swedish digit grouping (a no-break space) for the number of projects.
    expect(within(figures).getByText(/^1\s234$/)).toBeTruthy();
    expect(within(figures).getByText('87 %')).toBeTruthy();
    expect(screen.queryByText(loc('sv-se').FallbackNote)).toBeNull();
  });

  it('says when the PMO wrote nothing in the visitor\'s language, and shows markup in a text as text', async () => {
    render(<FrontDoor service={new FakeFrontDoor(TEXTS, () => Promise.resolve(FIGURES))} strings={loc('nl-nl')} common={c} locale="nl-NL" links={links} staleDays={30} />);
    await screen.findByRole('heading', { name: 'The PMO helps our projects succeed' });
    expect(screen.getByText(loc('nl-nl').FallbackNote)).toBeTruthy();
    expect(screen.getByText(/<img src=x/)).toBeTruthy();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('has an empty state that says where the PMO writes its texts', async () => {
    render(<FrontDoor service={new FakeFrontDoor([], () => Promise.resolve({}))} strings={s} common={c} locale="en-US" links={links} staleDays={30} />);
    await screen.findByText(s.NoContent);
    expect(screen.queryByRole('region', { name: s.FiguresHeading })).toBeTruthy();
  });

  it('fails with a retry, and a failed figure read costs only the figures', async () => {
    const service = new FakeFrontDoor(TEXTS, () => Promise.reject(Object.assign(new Error('x'), { status: 503 })), 1);
    render(<FrontDoor service={service} strings={s} common={c} locale="en-US" links={links} staleDays={30} />);
    await screen.findByText(s.LoadError);
    fireEvent.click(screen.getByRole('button', { name: c.Retry }));
    await screen.findByRole('heading', { name: 'The PMO helps our projects succeed' });
    expect(screen.getByText(s.FiguresLoadError)).toBeTruthy();
    expect(service.calls).toBe(2);
  });
});

describe('FrontDoor for the PMO', () => {
  it('offers a visitor no edit command and no link to the list', async () => {
    render(<FrontDoor service={new FakeFrontDoor(TEXTS.map((t) => ({ ...t })), () => Promise.resolve(FIGURES))} strings={s} common={c} locale="sv-SE" links={links} staleDays={30} />);
    await screen.findByRole('heading', { level: 2, name: 'PMO hjälper våra projekt att lyckas' });
    expect(screen.queryAllByRole('button', { name: /^Edit/ })).toHaveLength(0);
    expect(screen.queryByRole('link', { name: s.EditInList })).toBeNull();
  });

  it('lets someone SharePoint lets edit the list change a text in place, and Home shows it as typed', async () => {
    const sv = loc('sv-se');
    const service = new FakeFrontDoor(TEXTS.map((t) => ({ ...t })), () => Promise.resolve(FIGURES));
    service.editor = true;
    render(<FrontDoor service={service} strings={sv} common={c} locale="sv-SE" links={links} staleDays={30} />);
    await screen.findByRole('heading', { level: 2, name: 'PMO hjälper våra projekt att lyckas' });
    expect(screen.getByRole('link', { name: sv.EditInList }).getAttribute('href')).toBe('/sites/pmo/Lists/PMOFrontDoor');
    // One command per text, each named after the text it edits.
    expect(screen.getAllByRole('button', { name: /^Redigera ”/ })).toHaveLength(5);
    fireEvent.click(screen.getByRole('button', { name: 'Redigera ”Styrgrupp”' }));
    const heading = await screen.findByRole('textbox', { name: sv.FieldHeading });
    const typed = 'Styrgruppen "beslutar" – <b>inte</b> PMO 🚀';
    fireEvent.change(heading, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: sv.Save }));
    await screen.findByText(sv.ErrorRequired);
    expect(service.saved).toHaveLength(0);
    fireEvent.change(heading, { target: { value: typed } });
    fireEvent.change(screen.getByRole('textbox', { name: sv.FieldOrder }), { target: { value: 'tio' } });
    fireEvent.click(screen.getByRole('button', { name: sv.Save }));
    await screen.findByText(c.NumberInvalid.replace('{0}', '10'));
    fireEvent.change(screen.getByRole('textbox', { name: sv.FieldOrder }), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: sv.Save }));
    await screen.findByText(sv.TextSaved);
    expect(service.saved.map((t) => [t.title, t.sortOrder, t.section, t.language])).toEqual([[typed, 12, 'Role', 'sv-SE']]);
    // Shown as text, not markup.
    expect((await screen.findByRole('rowheader', { name: typed })).querySelector('b')).toBeNull();
  });

  it('shows event times on the site\'s clock, whatever the browser\'s zone', async () => {
    const service = new FakeFrontDoor(TEXTS, () => Promise.resolve(FIGURES));
    service.zone = { iana: 'Asia/Tokyo', description: '(UTC+09:00) Osaka, Sapporo, Tokyo' };
    render(<FrontDoor service={service} strings={s} common={c} locale="en-GB" links={links} staleDays={30} />);
    const meetings = await screen.findByRole('region', { name: s.EventsHeading });
    // 09:00 UTC is 18:00 in Tokyo.
    expect(within(meetings).getByText(/20 November 2026.*18:00 · Stockholm/)).toBeTruthy();
    expect(within(meetings).getByText('Times in the site\'s time zone: (UTC+09:00) Osaka, Sapporo, Tokyo')).toBeTruthy();
  });
});

class FakeNews implements INewsService {
  public zone: SiteTimeZone = { iana: 'Europe/Amsterdam', description: '(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna' };
  public constructor(private readonly answer: () => Promise<NewsPost[]>) {}
  public latest(): Promise<NewsPost[]> { return this.answer(); }
  public timeZone(): Promise<SiteTimeZone> { return Promise.resolve(this.zone); }
}

describe('News', () => {
  it('lists the posts with their date in the visitor\'s language, each linking to its page', async () => {
    const posts: NewsPost[] = [{ id: 3, title: 'Statusrapportages nu uiterlijk de 5e', description: 'Eén datum.', url: '/sites/pmo/SitePages/Status.aspx', firstPublished: '2026-11-14T08:00:00Z' }];
    render(<News news={new FakeNews(() => Promise.resolve(posts))} strings={loc('nl-nl')} common={c} locale="nl-NL" count={4} />);
    const link = await screen.findByRole('link', { name: 'Statusrapportages nu uiterlijk de 5e' });
    expect(link.getAttribute('href')).toBe('/sites/pmo/SitePages/Status.aspx');
    expect(screen.getByText('Gepubliceerd op 14 november 2026')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Laatste nieuws' })).toBeTruthy();
  });

  it('dates a post by the site\'s calendar: late evening UTC is the next day in Tokyo', async () => {
    const news = new FakeNews(() => Promise.resolve([{ id: 4, title: 'Late post', url: '/sites/pmo/SitePages/Late.aspx', firstPublished: '2026-11-14T23:30:00Z' }]));
    news.zone = { iana: 'Asia/Tokyo', description: '(UTC+09:00) Osaka, Sapporo, Tokyo' };
    render(<News news={news} strings={s} common={c} locale="en-GB" count={4} />);
    await screen.findByText('Published 15 November 2026');
  });

  it('shows no date rather than a wrong one when the site\'s zone is not one the browser knows; the meetings say why', async () => {
    const news = new FakeNews(() => Promise.resolve([{ id: 4, title: 'Post', url: '/sites/pmo/SitePages/P.aspx', firstPublished: '2026-11-14T23:30:00Z' }]));
    news.timeZone = (): Promise<SiteTimeZone> => Promise.reject(new Error('The site\'s time zone "(UTC-05:00) Eastern Time (US & Canada)" is not one this browser knows.'));
    const { unmount } = render(<News news={news} strings={s} common={c} locale="en-US" count={4} />);
    await screen.findByRole('link', { name: 'Post' });
    expect(screen.queryByText(/^Published/)).toBeNull();
    unmount();
    const service = new FakeFrontDoor(TEXTS, () => Promise.resolve(FIGURES));
    service.timeZone = (): Promise<SiteTimeZone> => Promise.reject(new Error('unknown zone'));
    render(<FrontDoor service={service} strings={s} common={c} locale="en-US" links={links} staleDays={30} />);
    await screen.findByText(s.EventsLoadError);
    // The rest of Home is there.
    expect(screen.getByRole('heading', { level: 2, name: 'The PMO helps our projects succeed' })).toBeTruthy();
    expect(screen.queryByText('Kvartalsvis utmaningsmöte K4 2026')).toBeNull();
  });

  it('has empty and error states', async () => {
    const { unmount } = render(<News news={new FakeNews(() => Promise.resolve([]))} strings={s} common={c} locale="en-US" count={4} />);
    await screen.findByText(s.NoNews);
    unmount();
    let n = 0;
    render(<News news={new FakeNews(() => (++n === 1 ? Promise.reject(new Error('down')) : Promise.resolve([])))} strings={s} common={c} locale="en-US" count={4} />);
    await screen.findByText(s.NewsLoadError);
    fireEvent.click(screen.getByRole('button', { name: c.Retry }));
    await waitFor(() => expect(screen.getByText(s.NoNews)).toBeTruthy());
  });
});
