import * as React from 'react';
import {
  ThemeProvider, createTheme, useTheme, mergeStyleSets, getFocusStyle, MessageBar, MessageBarType, CommandBarButton, Spinner, PrimaryButton, DefaultButton,
  FontIcon, ContextualMenuItemType, type IContextualMenuItem, type IButtonStyles, type IProcessedStyleSet, type IStyle, type Theme
} from '@fluentui/react';
import { ErrorBoundary } from '../../../src/components/ErrorBoundary';
import { HUB_PAGES, PORTFOLIO_FILTERS_MANIFEST_ID, hubPageOfPath, hubPagePath, type HubPage, type PmoProfile } from '../../../src/pages/hubPages';
import { DEFAULT_PROFILE, isProfile, profilePages } from '../../../src/pages/profiles';
import { spFromUrl } from '../../../src/services/sp';
import { SpSitePageService, PageNotFoundError, type PageRights, type StoredPage } from '../../../src/services/SitePageService';
import { SpSiteNavigationService, type NavLink } from '../../../src/services/SiteNavigationService';
import { linksTo } from '../../../src/provisioning/navigation';
import { SpHubSettingsService } from '../../../src/services/HubSettingsService';
import { PROFILE_SETTING } from '../../../src/provisioning/pages';
import { COMMON_STRINGS, LANGUAGES, format, initialLanguage, languageInfo, saveLanguage, type HubLanguage } from './strings';
import { DEMO_ROLES, actAs, currentUserAlias, loadDemoUsers, photoUrl, roleLabel, type DemoUser } from './demoUsers';
import { WebPartHost, hasWebPart, propertyPaneOf, type HubWebPartContext } from './webParts';
import { PropertyPanePanel } from './propertyPane';
import { FilterScope, PageFilterProvider } from './pageFilter';
import { AddHere, AddSection, EditBar, NewPageDialog, Toolbox, WebPartToolbar, controlFor, draftOf, webPartTitle } from './editMode';
import { addToColumn, filterInstanceOf, insertSection, insertWebPart, updateControl } from '../../../src/pages/editing';
import type { EditedSection } from '../../../src/pages/canvas';

/** SharePoint's out-of-the-box look: Fluent's default theme, nothing of our own. */
const DEFAULT_THEME: Theme = createTheme({});

/** The site a path belongs to: `/sites/<name>`, as SharePoint's managed path. */
function sitePathOf(pathname: string): string {
  return /^\/sites\/[^/]+/i.exec(pathname)?.[0] ?? '/sites/pmo';
}

type HubClassName =
  'skipLink' | 'suiteBar' | 'suiteLeft' | 'waffle' | 'brand' | 'suiteRight' | 'avatar' | 'who' | 'whoName'
  | 'whoRole' | 'menuAvatar' | 'siteHeader' | 'headerCanvas' | 'siteTitleLink' | 'logo' | 'siteTitle'
  | 'navList' | 'navLink' | 'navCurrent' | 'main' | 'canvas' | 'pageTitle' | 'section' | 'columns' | 'intro' | 'webPart'
  | 'pageCommands' | 'addBar' | 'editColumn';

function classesOf(t: Theme): IProcessedStyleSet<Record<HubClassName, IStyle>> {
  const onBar = t.palette.white;
  return mergeStyleSets<Record<HubClassName, IStyle>>({
    skipLink: [getFocusStyle(t), {
      position: 'absolute', left: -10000, top: 8, zIndex: 1000, padding: '8px 12px',
      background: t.semanticColors.bodyBackground, color: t.semanticColors.link, border: `2px solid ${t.palette.themePrimary}`,
      selectors: { ':focus': { left: 8 } }
    }],
    suiteBar: {
      display: 'flex', alignItems: 'center', justifyContent: 'space-between', minHeight: 48, padding: '0 8px 0 0',
      background: t.palette.themeDarker, color: onBar
    },
    suiteLeft: { display: 'flex', alignItems: 'center', minWidth: 0 },
    waffle: { width: 48, height: 48, display: 'inline-flex', alignItems: 'center', justifyContent: 'center', fontSize: 16 },
    brand: { ...t.fonts.large, fontWeight: 600, whiteSpace: 'nowrap' },
    suiteRight: { display: 'flex', alignItems: 'stretch', height: 48 },
    avatar: { width: 32, height: 32, borderRadius: '50%', flexShrink: 0 },
    who: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', marginLeft: 8, lineHeight: '16px', textAlign: 'left' },
    whoName: { ...t.fonts.medium, fontWeight: 600, whiteSpace: 'nowrap' },
    whoRole: { ...t.fonts.small, color: t.palette.themeLighter, whiteSpace: 'nowrap' },
    menuAvatar: { width: 24, height: 24, borderRadius: '50%', margin: '0 4px' },
    siteHeader: { background: t.semanticColors.bodyBackground, borderBottom: `1px solid ${t.palette.neutralLight}` },
    headerCanvas: { maxWidth: 1236, margin: '0 auto', padding: '20px 24px 0', boxSizing: 'border-box' },
    siteTitleLink: [getFocusStyle(t), {
      display: 'inline-flex', alignItems: 'center', gap: 16, color: t.semanticColors.bodyText, textDecoration: 'none',
      selectors: { ':hover .hub-site-title': { textDecoration: 'underline' } }
    }],
    logo: {
      width: 64, height: 64, borderRadius: t.effects.roundedCorner4, background: t.palette.themePrimary, color: onBar,
      display: 'inline-flex', alignItems: 'center', justifyContent: 'center', fontSize: 32
    },
    siteTitle: { ...t.fonts.xxLarge, fontWeight: 600 },
    navList: { display: 'flex', flexWrap: 'wrap', listStyle: 'none', margin: '12px 0 0', padding: 0 },
    navLink: [getFocusStyle(t, { inset: 2 }), {
      display: 'block', padding: '10px 12px', color: t.semanticColors.bodyText, textDecoration: 'none', ...t.fonts.medium,
      borderBottom: '2px solid transparent',
      selectors: { ':hover': { background: t.palette.neutralLighter, color: t.semanticColors.bodyText } }
    }],
    navCurrent: { fontWeight: 600, borderBottomColor: t.palette.themePrimary },
    main: { background: t.semanticColors.bodyBackground, outline: 'none', paddingBottom: 48 },
    canvas: { maxWidth: 1236, margin: '0 auto', padding: '0 24px', boxSizing: 'border-box' },
    pageTitle: { ...t.fonts.xxLarge, fontWeight: 600, margin: '28px 0 8px', color: t.semanticColors.bodyText },
    section: { padding: '12px 0' },
    // A section's columns side by side, each as wide as its share of 12 (SharePoint's sectionFactor); stacked on narrow screens.
    columns: { display: 'flex', flexWrap: 'wrap', gap: 24, selectors: { '> *': { minWidth: 280, boxSizing: 'border-box' } } },
    intro: { ...t.fonts.mediumPlus, color: t.semanticColors.bodySubtext, margin: 0, maxWidth: 800 },
    webPart: { background: t.semanticColors.bodyBackground },
    pageCommands: { display: 'flex', flexWrap: 'wrap', gap: 8 },
    addBar: { display: 'flex', flexWrap: 'wrap', justifyContent: 'center', gap: 8, selectors: { '> *': { flex: '1 1 auto' } } },
    // In edit mode a column shows where it ends, as SharePoint's canvas does.
    editColumn: { outline: `1px dashed ${t.palette.neutralTertiaryAlt}`, outlineOffset: '4px', minHeight: 48 }
  });
}

type HubClasses = ReturnType<typeof classesOf>;

export function HubApp(): JSX.Element {
  return (
    <ThemeProvider theme={DEFAULT_THEME} applyTo="body">
      <Hub />
    </ThemeProvider>
  );
}

function Hub(): JSX.Element {
  const theme = useTheme();
  const classes = React.useMemo(() => classesOf(theme), [theme]);
  const [language, setLanguage] = React.useState<HubLanguage>(initialLanguage);
  const [userAlias] = React.useState<string>(currentUserAlias);
  const [users, setUsers] = React.useState<DemoUser[]>([]);
  const [pathname, setPathname] = React.useState<string>(window.location.pathname);
  const mainRef = React.useRef<HTMLElement>(null);

  const sitePath = sitePathOf(pathname);
  const siteUrl = `${window.location.origin}${sitePath}`;
  const fileName = pageFileOf(sitePath, pathname);
  const c = COMMON_STRINGS[language];
  const lang = languageInfo(language);
  const [profile, setProfile] = React.useState<PmoProfile>(DEFAULT_PROFILE);
  // The site's navigation: its profile's pages, titled in the user's language (as SharePoint's
  // navigation nodes carry a title per language); the page itself is what Site Pages stores.
  const navPages: HubPage[] = profilePages(profile);
  const navPage = navPages.find((p) => p.fileName.toLowerCase() === fileName.toLowerCase());
  const stored = useStoredPage(siteUrl, fileName, userAlias);
  // Edit mode: a draft of the page's sections until it is saved and published, or discarded.
  const [draft, setDraft] = React.useState<EditedSection[] | null>(null);
  const [saving, setSaving] = React.useState(false);
  const [saveError, setSaveError] = React.useState<string | undefined>();
  // Where the toolbox adds: a new section at an index, or a column of a section.
  const [addAt, setAddAt] = React.useState<number | { section: number; column: number } | null>(null);
  const [rights, setRights] = React.useState<PageRights>({ addPages: false, editNavigation: false });
  const [newPageOpen, setNewPageOpen] = React.useState(false);
  // A page just created opens in edit mode; its navigation link waits for its first publish.
  const [editOnLoad, setEditOnLoad] = React.useState<string | null>(null);
  const [pendingLink, setPendingLink] = React.useState<{ fileName: string; title: string } | null>(null);
  const [navNotice, setNavNotice] = React.useState<string | undefined>();
  const nav = useQuickLaunch(siteUrl, userAlias);
  const [paneFor, setPaneFor] = React.useState<string | null>(null);
  React.useEffect(() => { setDraft(null); setSaveError(undefined); }, [fileName, userAlias]);
  const saveDraft = (): void => {
    if (!stored.page || !draft) return;
    setSaving(true);
    setSaveError(undefined);
    const saved = stored.page;
    new SpSitePageService(spFromUrl(siteUrl), siteUrl).saveAndPublish(saved.id, draft).then(() => {
      setSaving(false);
      setDraft(null);
      if (pendingLink && pendingLink.fileName.toLowerCase() === saved.fileName.toLowerCase()) {
        setPendingLink(null);
        // Published: now a link to it leads somewhere for every reader. SharePoint decides whether this user may add it.
        new SpSiteNavigationService(spFromUrl(siteUrl)).addLink(pendingLink.title, `${sitePath}/SitePages/${saved.fileName}`)
          .then(nav.reload, (e: unknown) => setNavNotice((e as Error).message));
      }
      // Read again: the page renders as SharePoint stored it.
      stored.retry();
    }, (e: unknown) => {
      setSaving(false);
      setSaveError((e as Error).message);
    });
  };
  React.useEffect(() => {
    let live = true;
    new SpSitePageService(spFromUrl(siteUrl), siteUrl).rights().then((r) => { if (live) setRights(r); }, () => undefined);
    return () => { live = false; };
  }, [siteUrl, userAlias]);
  React.useEffect(() => {
    if (editOnLoad && stored.page && stored.page.fileName.toLowerCase() === editOnLoad.toLowerCase()) {
      setDraft(draftOf(stored.page));
      setEditOnLoad(null);
    }
  }, [editOnLoad, stored.page]);
  const heading = stored.page?.title ?? (navPage ? c[navPage.titleKey] : fileName.replace(/\.aspx$/i, ''));

  React.useEffect(() => {
    let live = true;
    // Without the directory the switcher still shows who is acting, by alias.
    loadDemoUsers().then((u) => { if (live) setUsers(u); }, () => undefined);
    const onPop = (): void => setPathname(window.location.pathname);
    window.addEventListener('popstate', onPop);
    return () => { live = false; window.removeEventListener('popstate', onPop); };
  }, []);

  React.useEffect(() => {
    let live = true;
    new SpHubSettingsService(spFromUrl(siteUrl), sitePath).readAll()
      .then((settings) => { const v = settings.get(PROFILE_SETTING)?.value; if (live && isProfile(v)) setProfile(v); }, () => undefined);
    return () => { live = false; };
  }, [siteUrl, sitePath]);

  React.useEffect(() => {
    document.documentElement.lang = lang.tag;
    document.title = `${heading} – ${c.HubTitle}`;
  }, [lang, c, heading]);

  const goTo = (to: string): void => {
    if (to !== window.location.pathname) window.history.pushState(null, '', to);
    setPathname(to);
    window.scrollTo(0, 0);
    // Screen reader and keyboard users continue where a full page load would put them.
    mainRef.current?.focus();
  };
  const createPage = async (title: string, addToNavigation: boolean): Promise<void> => {
    const created = await new SpSitePageService(spFromUrl(siteUrl), siteUrl).createPage(title);
    setPendingLink(addToNavigation ? { fileName: created, title } : null);
    setEditOnLoad(created);
    setNewPageOpen(false);
    goTo(`${sitePath}/SitePages/${created}`);
  };
  const navigate = (e: React.MouseEvent<HTMLAnchorElement>, to: string): void => {
    // Let the browser open new tabs and windows itself; links out of the site load as links do.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (!isHubPath(sitePath, to)) return;
    e.preventDefault();
    goTo(to);
  };
  // The site's navigation is its Quick Launch. A link PMO Hub wrote to one of its pages (its title
  // one of PMO Hub's titles for it) shows in the reader's language, as SharePoint shows a node's
  // title per language; a link the owner named is shown as named. Without the Quick Launch (it
  // could not be read), the profile's pages.
  const navItems: Array<{ key: string; title: string; href: string }> = nav.state === 'failed'
    ? navPages.map((p) => ({ key: p.key, title: c[p.titleKey], href: hubPagePath(sitePath, p) }))
    : (nav.links ?? []).map((l) => {
      const page = HUB_PAGES.find((p) => linksTo(l.url, sitePath, p.fileName) && Object.values(COMMON_STRINGS).some((s) => s[p.titleKey] === l.title));
      return { key: String(l.id), title: page ? c[page.titleKey] : l.title, href: l.url };
    });
  const isCurrent = (href: string): boolean => isHubPath(sitePath, href) && linksTo(href, sitePath, fileName);

  const me: DemoUser = users.find((u) => u.alias === userAlias.toLowerCase() || u.mail === userAlias.toLowerCase())
    ?? { alias: userAlias, displayName: userAlias, mail: userAlias, role: 'none' };
  const context: HubWebPartContext = { siteUrl, userKey: me.alias, language: lang, common: c };

  return (
    <>
      <a className={classes.skipLink} href="#content">{c.SkipToContent}</a>
      <header>
        <div className={classes.suiteBar}>
          <div className={classes.suiteLeft}>
            <span className={classes.waffle} aria-hidden={true}><FontIcon iconName="Waffle" /></span>
            <span className={classes.brand}>SharePoint</span>
          </div>
          <div className={classes.suiteRight}>
            <LanguageSwitcher classes={classes} theme={theme} common={c} language={language}
              onChange={(l) => { saveLanguage(l); setLanguage(l); }} />
            <UserSwitcher classes={classes} theme={theme} common={c} me={me} users={users}
              onChange={(alias) => {
                // Another user is another session, as when SharePoint signs in someone else: @pnp's
                // cached form digest belongs to the previous user, so the page starts afresh.
                actAs(alias);
                window.location.reload();
              }} />
          </div>
        </div>
        <MessageBar messageBarType={MessageBarType.warning} isMultiline={true}>{c.DevelopmentOnly}</MessageBar>
        <div className={classes.siteHeader}>
          <div className={classes.headerCanvas}>
            <a className={classes.siteTitleLink} href={hubPagePath(sitePath, HUB_PAGES[0])} onClick={(e) => navigate(e, hubPagePath(sitePath, HUB_PAGES[0]))}>
              <span className={classes.logo} aria-hidden={true}><FontIcon iconName="ProjectCollection" /></span>
              <span className={`${classes.siteTitle} hub-site-title`}>{c.HubTitle}</span>
            </a>
            <nav aria-label={c.SiteNavigation}>
              <ul className={classes.navList}>
                {navItems.map((item) => (
                  <li key={item.key}>
                    <a
                      href={item.href}
                      className={isCurrent(item.href) ? `${classes.navLink} ${classes.navCurrent}` : classes.navLink}
                      aria-current={isCurrent(item.href) ? 'page' : undefined}
                      onClick={(e) => navigate(e, item.href)}
                    >
                      {item.title}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </div>
      </header>
      <main id="content" ref={mainRef} tabIndex={-1} className={classes.main} aria-labelledby="hub-page-title">
        <div className={classes.canvas}>
          <h1 id="hub-page-title" className={classes.pageTitle}>{heading}</h1>
          {stored.state === 'loading' && <Spinner label={c.Loading} />}
          {stored.state === 'missing' && <MessageBar messageBarType={MessageBarType.info}>{c.ErrorNotFound}</MessageBar>}
          {stored.state === 'error' && (
            <MessageBar messageBarType={MessageBarType.error} actions={<PrimaryButton onClick={stored.retry}>{c.Retry}</PrimaryButton>}>{c.ErrorTitle}</MessageBar>
          )}
          {!draft && (stored.page?.canEdit || rights.addPages) && (
            <div className={classes.pageCommands}>
              {stored.page?.canEdit && <DefaultButton iconProps={{ iconName: 'Edit' }} text={c.EditPage} onClick={() => stored.page && setDraft(draftOf(stored.page))} />}
              {rights.addPages && <DefaultButton iconProps={{ iconName: 'PageAdd' }} text={c.NewPage} onClick={() => setNewPageOpen(true)} />}
            </div>
          )}
          {navNotice && <MessageBar messageBarType={MessageBarType.warning} onDismiss={() => setNavNotice(undefined)} dismissButtonAriaLabel={c.Close}>{navNotice}</MessageBar>}
          {newPageOpen && <NewPageDialog common={c} canLink={rights.editNavigation} onCreate={createPage} onDismiss={() => setNewPageOpen(false)} />}
          {draft && draft.length === 0 && <MessageBar messageBarType={MessageBarType.info}>{c.NewPageEmpty}</MessageBar>}
          {draft && <EditBar common={c} saving={saving} error={saveError} onSave={saveDraft} onDiscard={() => { setDraft(null); setSaveError(undefined); }} />}
          {stored.page && (
            // One set of filters per page, as SPFx dynamic data connects web parts on one page.
            <PageFilterProvider key={`${stored.page.fileName}-${me.alias}`}>
              {(draft ?? stored.page.sections).map((section, si) => (
                <div key={si} className={classes.section}>
                  {draft && (
                    <div className={classes.addBar}>
                      <AddHere label={c.AddWebPartHere} onClick={() => setAddAt(si)} />
                      <AddSection common={c} label={c.AddSectionHere} onPick={(layout) => setDraft(insertSection(draft, si, layout))} />
                    </div>
                  )}
                  <div className={classes.columns} data-section-factors={section.columns.map((col) => col.factor).join('-')}>
                    {section.columns.map((column, ci) => (
                      <div key={ci} style={{ flex: `${column.factor || 12} 1 0` }} className={draft ? classes.editColumn : undefined}>
                        {column.controls.map((control) => control.kind === 'text'
                          ? <p key={control.id} className={classes.intro}>{plainText(control.html)}</p>
                          : (
                            <div key={control.id} className={classes.webPart} data-sp-webpart-id={control.manifestId} data-sp-webpart-instance={control.id}>
                              {draft && <WebPartToolbar common={c} tag={lang.tag} control={{ ...control, alias: '' }} draft={draft} onChange={setDraft}
                                onEditProperties={hasWebPart(control.manifestId) ? () => setPaneFor(control.id) : undefined} />}
                              {/* Keyed by user: a new user starts the web part afresh, as a new sign-in would. */}
                              <ErrorBoundary key={me.alias} title={c.ErrorTitle} retryLabel={c.Retry} common={c}>
                                <FilterScope source={control.filterSource} publishAs={control.manifestId === PORTFOLIO_FILTERS_MANIFEST_ID ? control.id : undefined}>
                                  <WebPartHost manifestId={control.manifestId} properties={control.properties} context={context} />
                                </FilterScope>
                              </ErrorBoundary>
                            </div>
                          ))}
                        {draft && (section.columns.length > 1 || column.controls.length === 0) && (
                          <AddHere label={format(c.AddWebPartToColumn, String(ci + 1))} onClick={() => setAddAt({ section: si, column: ci })} />
                        )}
                      </div>
                    ))}
                  </div>
                </div>
              ))}
              {draft && (
                <div className={classes.addBar}>
                  <AddHere label={c.AddWebPartAtEnd} onClick={() => setAddAt(draft.length)} />
                  <AddSection common={c} label={c.AddSection} onPick={(layout) => setDraft(insertSection(draft, draft.length, layout))} />
                </div>
              )}
            </PageFilterProvider>
          )}
          {draft && (
            <Toolbox common={c} tag={lang.tag} isOpen={addAt !== null} onDismiss={() => setAddAt(null)}
              onPick={(entry) => {
                setDraft(typeof addAt === 'object' && addAt !== null
                  ? addToColumn(draft, addAt.section, addAt.column, controlFor(entry))
                  : insertWebPart(draft, addAt ?? draft.length, controlFor(entry)));
                setAddAt(null);
              }} />
          )}
          {draft && paneFor && (() => {
            const control = draft.flatMap((s) => s.columns.flatMap((col) => col.controls)).find((x) => x.id === paneFor);
            const config = control?.kind === 'webPart' ? propertyPaneOf(control.manifestId, context) : undefined;
            if (!control || control.kind !== 'webPart' || !config) return null;
            const filter = filterInstanceOf(draft);
            return (
              <PropertyPanePanel
                title={webPartTitle(control.manifestId, lang.tag)} closeLabel={c.Close} config={config} properties={control.properties}
                onChange={(key, value) => setDraft(updateControl(draft, control.id, (x) => ({ ...x, properties: { ...x.properties, [key]: value } })))}
                connected={!!control.filterSource} canConnect={!!filter}
                onConnect={(on) => setDraft(updateControl(draft, control.id, (x) => ({ ...x, filterSource: on ? filter : undefined })))}
                onDismiss={() => setPaneFor(null)}
              />
            );
          })()}
        </div>
      </main>
    </>
  );
}

/** Whether a link leads to a page of this site the hub renders (the site itself or one of its Site Pages). */
function isHubPath(sitePath: string, href: string): boolean {
  if (/^[a-z]+:/i.test(href) && !href.startsWith(window.location.origin)) return false;
  const path = href.startsWith(window.location.origin) ? href.slice(window.location.origin.length) : href;
  const site = sitePath.replace(/\/+$/, '').toLowerCase();
  const p = path.split(/[?#]/)[0].replace(/\/+$/, '').toLowerCase();
  return p === site || (p.startsWith(`${site}/sitepages/`) && p.endsWith('.aspx'));
}

interface QuickLaunchState {
  state: 'loading' | 'ready' | 'failed';
  links?: NavLink[];
  reload: () => void;
}

/** The site's Quick Launch as this user reads it, read again when a link was added. */
function useQuickLaunch(siteUrl: string, userKey: string): QuickLaunchState {
  const [attempt, setAttempt] = React.useState(0);
  const [result, setResult] = React.useState<{ state: QuickLaunchState['state']; links?: NavLink[] }>({ state: 'loading' });
  React.useEffect(() => {
    let live = true;
    new SpSiteNavigationService(spFromUrl(siteUrl)).quickLaunch().then(
      (links) => { if (live) setResult({ state: 'ready', links }); },
      () => { if (live) setResult({ state: 'failed' }); });
    return () => { live = false; };
  }, [siteUrl, userKey, attempt]);
  const reload = React.useCallback(() => setAttempt((n) => n + 1), []);
  return { ...result, reload };
}

/** The Site Pages file a path shows: the site itself is its welcome page, Home.aspx. */
function pageFileOf(sitePath: string, pathname: string): string {
  const known = hubPageOfPath(sitePath, pathname);
  if (known) return known.fileName;
  const m = /\/sitepages\/([^/]+\.aspx)$/i.exec(pathname);
  return m ? decodeURIComponent(m[1]) : HUB_PAGES[0].fileName;
}

/** A Text web part's content as plain text: stored HTML is never put into the hub's DOM as HTML. */
function plainText(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
}

interface StoredPageState {
  state: 'loading' | 'ready' | 'missing' | 'error';
  page?: StoredPage;
  retry: () => void;
}

/** The page as Site Pages stores it, read again for each page, user and retry. */
function useStoredPage(siteUrl: string, fileName: string, userKey: string): StoredPageState {
  const [attempt, setAttempt] = React.useState(0);
  const [result, setResult] = React.useState<{ key: string; state: StoredPageState['state']; page?: StoredPage }>({ key: '', state: 'loading' });
  const key = `${siteUrl}|${fileName}|${userKey}|${attempt}`;
  React.useEffect(() => {
    let live = true;
    new SpSitePageService(spFromUrl(siteUrl), siteUrl).load(fileName).then(
      (page) => { if (live) setResult({ key, state: 'ready', page }); },
      (e) => { if (live) setResult({ key, state: e instanceof PageNotFoundError ? 'missing' : 'error' }); });
    return () => { live = false; };
  }, [key, siteUrl, fileName]);
  const retry = React.useCallback(() => setAttempt((n) => n + 1), []);
  return result.key === key ? { ...result, retry } : { state: 'loading', retry };
}

/** Suite bar buttons: the bar's colours, not a command bar's. */
function barButtonStyles(t: Theme): IButtonStyles {
  // Fluent colours the icons of hovered, pressed and expanded command buttons themeDark: invisible on this bar.
  const on = { color: t.palette.white, background: t.palette.themeDark, selectors: { '.ms-Button-icon, .ms-Button-menuIcon': { color: t.palette.white } } };
  return {
    root: { color: t.palette.white, background: t.palette.themeDarker, padding: '0 8px', height: 48 },
    rootHovered: on, rootPressed: on, rootExpanded: on, rootExpandedHovered: on,
    icon: { color: t.palette.white }, iconHovered: { color: t.palette.white }, iconExpanded: { color: t.palette.white },
    menuIcon: { color: t.palette.white, marginLeft: 8 }, menuIconHovered: { color: t.palette.white }, menuIconExpanded: { color: t.palette.white },
    label: { whiteSpace: 'nowrap' }
  };
}

interface SwitcherProps {
  classes: HubClasses;
  theme: Theme;
  common: IPmoHubCommonStrings;
}

function LanguageSwitcher(props: SwitcherProps & { language: HubLanguage; onChange: (l: HubLanguage) => void }): JSX.Element {
  const current = languageInfo(props.language);
  const items: IContextualMenuItem[] = LANGUAGES.map((l) => ({
    key: l.key,
    text: l.name,
    // Each name is in its own language, so a screen reader pronounces it as such.
    lang: l.tag,
    canCheck: true,
    checked: l.key === props.language,
    onClick: () => props.onChange(l.key)
  }));
  return (
    <CommandBarButton
      iconProps={{ iconName: 'Globe' }}
      text={current.name}
      ariaLabel={`${props.common.Language}: ${current.name}`}
      menuProps={{ items, ariaLabel: props.common.Language }}
      styles={barButtonStyles(props.theme)}
    />
  );
}

function UserSwitcher(props: SwitcherProps & { me: DemoUser; users: DemoUser[]; onChange: (alias: string) => void }): JSX.Element {
  const { classes, common: c, me } = props;
  const role = roleLabel(c, me.role);
  const demo = DEMO_ROLES.map((r) => props.users.find((u) => u.role === r)).filter((u): u is DemoUser => !!u);
  const items: IContextualMenuItem[] = [
    { key: 'heading', itemType: ContextualMenuItemType.Header, text: c.ActAs },
    ...demo.map((u): IContextualMenuItem => ({
      key: u.alias,
      text: u.displayName,
      secondaryText: roleLabel(c, u.role),
      canCheck: true,
      checked: u.alias === me.alias,
      // iconProps reserves the menu's icon column; the photo is drawn in it.
      iconProps: { iconName: 'Contact' },
      onRenderIcon: () => <img className={classes.menuAvatar} src={photoUrl(u)} alt="" />,
      onClick: () => props.onChange(u.alias)
    }))
  ];
  return (
    <CommandBarButton
      ariaLabel={role ? format(c.ActingAs, me.displayName, role) : me.displayName}
      menuProps={{ items, ariaLabel: c.ActAs }}
      styles={barButtonStyles(props.theme)}
      onRenderText={() => (
        <span className={classes.who}>
          <span className={classes.whoName}>{me.displayName}</span>
          {/* The space keeps name and role two words for screen readers and for the button's accessible-name check. */}
          {role && <>{' '}<span className={classes.whoRole}>{role}</span></>}
        </span>
      )}
      onRenderIcon={() => <img className={classes.avatar} src={photoUrl(me)} alt="" />}
    />
  );
}
