import * as React from 'react';
import { ActionButton, Link, MessageBar, MessageBarType, Persona, PersonaSize, Stack, Text, mergeStyleSets, useTheme } from '@fluentui/react';
import { SERVICE_AREAS } from '../../../schema';
import type { CommunityEvent } from '../../../model/community';
import type { FrontDoorContent, FrontDoorText, GovernanceRole, KeyFigures, ServiceArea } from '../../../model/frontDoor';
import type { SiteTimeZone } from '../../../services/siteTimeZone';
import type { IFrontDoorService } from '../../../services/FrontDoorService';
import { useLoader } from '../../../components/useLoader';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { format } from '../../../components/text';
import { formatLocaleNumber } from '../../../components/localeNumber';
import { srOnly } from '../../../components/srOnly';
import { lazyComponent } from '../../../components/lazyComponent';

// The PMO's edit form is a chunk loaded when first opened: statically imported, its form core put
// Home over the 250 KB page budget (261 KB gzipped) for every visitor.
const FrontDoorTextPanel = lazyComponent(() => import(/* webpackChunkName: 'front-door-text-form' */ './FrontDoorTextPanel').then((m) => m.FrontDoorTextPanel));

/** A hub page a quick link opens: its server-relative URL by page key (from the hub's page list). */
export type PageLinks = Partial<Record<'projects' | 'templates' | 'community' | 'portfolio', string>>;

export interface IFrontDoorProps {
  service: IFrontDoorService;
  strings: IFrontDoorWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
  /** URLs of the hub's pages on this site; a link is shown only for a page the site has. */
  links: (pages: readonly string[]) => PageLinks;
  /** Reports older than this count as late (the portfolio's definition). */
  staleDays: number;
  /** The clock, so tests and screenshots are dated. */
  now?: () => Date;
}

function useClasses(): Record<'root' | 'hero' | 'links' | 'grid' | 'card' | 'text' | 'meta' | 'figure' | 'figureValue' | 'list' | 'table', string> {
  const theme = useTheme();
  return mergeStyleSets({
    root: { color: theme.semanticColors.bodyText },
    // The page's own background keeps the theme's link colour above 4.5:1 (a tinted one does not).
    hero: { background: theme.semanticColors.bodyBackground, border: `1px solid ${theme.semanticColors.bodyDivider}`, borderLeft: `4px solid ${theme.palette.themePrimary}`, padding: 20, borderRadius: 4 },
    links: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexWrap: 'wrap', gap: 12 },
    grid: { listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))' },
    card: { border: `1px solid ${theme.semanticColors.bodyDivider}`, borderRadius: 4, padding: 12, background: theme.semanticColors.bodyBackground },
    text: { whiteSpace: 'pre-wrap', margin: 0 },
    meta: { color: theme.semanticColors.bodySubtext },
    figure: { margin: 0, border: `1px solid ${theme.semanticColors.bodyDivider}`, borderRadius: 4, padding: 12, textAlign: 'center' },
    figureValue: { fontSize: 32, fontWeight: 600, color: theme.palette.themeDark, display: 'block' },
    list: { listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 8 },
    table: {
      borderCollapse: 'collapse', width: '100%',
      selectors: { 'th, td': { textAlign: 'left', verticalAlign: 'top', padding: '8px 12px', borderBottom: `1px solid ${theme.semanticColors.bodyDivider}` } }
    }
  });
}

const AREA_LABEL: Record<ServiceArea, keyof IFrontDoorWebPartStrings> = { Coordinate: 'AreaCoordinate', Control: 'AreaControl', Support: 'AreaSupport' };
const ROLE_LABEL: Record<GovernanceRole, keyof IFrontDoorWebPartStrings> = {
  SteeringGroup: 'RoleSteeringGroup', Sponsor: 'RoleSponsor', ProjectLeader: 'RoleProjectLeader', Pmo: 'RolePmo'
};

/** A stored UTC moment on the site's wall clock (its regional settings), never the browser's. */
export function when(iso: string, locale: string, timeZone: string): string {
  const d = new Date(iso);
  return isNaN(d.getTime()) ? '' : new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);
}

/** Opens the edit panel of a text; undefined for people SharePoint does not let edit the list. */
type OnEdit = ((t: FrontDoorText) => void) | undefined;

/** The PMO's way into a text from where it is shown; its name says which text it edits. */
function EditButton(props: { text: FrontDoorText; onEdit: OnEdit; strings: IFrontDoorWebPartStrings }): JSX.Element {
  const { text, onEdit, strings: s } = props;
  if (!onEdit) return <></>;
  return (
    <ActionButton iconProps={{ iconName: 'Edit' }} aria-label={format(s.EditTextLabel, text.title)} onClick={() => onEdit(text)} styles={{ root: { height: 28, padding: 0 } }}>
      {s.EditText}
    </ActionButton>
  );
}

function Hero(props: { content: FrontDoorContent; links: PageLinks; strings: IFrontDoorWebPartStrings; classes: ReturnType<typeof useClasses>; onEdit: OnEdit }): JSX.Element {
  const { content: c, strings: s, links } = props;
  const quick: Array<[string | undefined, string, string]> = [
    [links.projects, s.QuickReportStatus, 'ReportDocument'], [links.templates, s.QuickFindTemplate, 'Page'],
    [links.community, s.QuickAskExpert, 'People'], [links.portfolio, s.QuickSeePortfolio, 'BarChartVertical']
  ];
  return (
    <section className={props.classes.hero} aria-labelledby="pmo-front-door-purpose">
      <Stack tokens={{ childrenGap: 12 }}>
        <Text variant="xxLarge" as="h2" id="pmo-front-door-purpose">{c.purpose?.title || s.PurposeHeading}</Text>
        {c.purpose?.body && <p className={props.classes.text}>{c.purpose.body}</p>}
        {c.purpose && <EditButton text={c.purpose} onEdit={props.onEdit} strings={s} />}
        <nav aria-label={s.QuickLinks}>
          <ul className={props.classes.links}>
            {quick.filter(([href]) => !!href).map(([href, label]) => (
              <li key={label}><Link href={href} underline={true}>{label}</Link></li>
            ))}
          </ul>
        </nav>
      </Stack>
    </section>
  );
}

function Services(props: { content: FrontDoorContent; strings: IFrontDoorWebPartStrings; classes: ReturnType<typeof useClasses>; onEdit: OnEdit }): JSX.Element {
  const { content: c, strings: s, classes, onEdit } = props;
  const areas = SERVICE_AREAS.filter((a) => c.services.some((t) => t.serviceArea === a));
  const other = c.services.filter((t) => !t.serviceArea);
  return (
    <section aria-labelledby="pmo-front-door-services">
      <Stack tokens={{ childrenGap: 8 }}>
        <Text variant="xLarge" as="h2" id="pmo-front-door-services">{s.ServicesHeading}</Text>
        <ul className={classes.grid}>
          {areas.map((a) => (
            <li key={a} className={classes.card}>
              <Text variant="large" as="h3">{s[AREA_LABEL[a]]}</Text>
              <ul>
                {c.services.filter((t) => t.serviceArea === a).map((t) => (
                  <li key={t.id}><strong>{t.title}</strong>{t.body && <span>: {t.body}</span>} <EditButton text={t} onEdit={onEdit} strings={s} /></li>
                ))}
              </ul>
            </li>
          ))}
          {other.map((t) => <li key={t.id} className={classes.card}><Text variant="large" as="h3">{t.title}</Text><p className={classes.text}>{t.body}</p><EditButton text={t} onEdit={onEdit} strings={s} /></li>)}
        </ul>
      </Stack>
    </section>
  );
}

function Roles(props: { content: FrontDoorContent; strings: IFrontDoorWebPartStrings; classes: ReturnType<typeof useClasses>; onEdit: OnEdit }): JSX.Element {
  const { content: c, strings: s } = props;
  return (
    <section aria-labelledby="pmo-front-door-roles">
      <Stack tokens={{ childrenGap: 8 }}>
        <Text variant="xLarge" as="h2" id="pmo-front-door-roles">{s.RolesHeading}</Text>
        <table className={props.classes.table}>
          {/* The heading above says it; the caption names the table for screen readers' table lists. */}
          <caption className={srOnly}>{s.RolesHeading}</caption>
          <tbody>
            {c.roles.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.title || (r.governanceRole ? s[ROLE_LABEL[r.governanceRole]] : '')}</th>
                <td><p className={props.classes.text}>{r.body}</p><EditButton text={r} onEdit={props.onEdit} strings={s} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </Stack>
    </section>
  );
}

function Team(props: { content: FrontDoorContent; strings: IFrontDoorWebPartStrings; classes: ReturnType<typeof useClasses>; onEdit: OnEdit }): JSX.Element {
  const { content: c, strings: s, classes } = props;
  return (
    <section aria-labelledby="pmo-front-door-team">
      <Stack tokens={{ childrenGap: 8 }}>
        <Text variant="xLarge" as="h2" id="pmo-front-door-team">{s.TeamHeading}</Text>
        <ul className={classes.grid}>
          {c.team.map((t) => {
            const name = t.contact?.title || t.title;
            return (
              <li key={t.id} className={classes.card}>
                <Persona text={name} secondaryText={t.contact ? t.title : undefined} size={PersonaSize.size48} hidePersonaDetails={false} />
                {t.body && <p className={classes.text}>{t.body}</p>}
                {/* The name says whom the mail goes to and keeps the visible address in it (WCAG 2.5.3). */}
                {t.contact?.email && <Link href={`mailto:${t.contact.email}`} aria-label={`${format(s.MailTo, name)}: ${t.contact.email}`}>{t.contact.email}</Link>}
                <EditButton text={t} onEdit={props.onEdit} strings={s} />
              </li>
            );
          })}
        </ul>
      </Stack>
    </section>
  );
}

function Events(props: { events: CommunityEvent[]; timeZone: SiteTimeZone; link?: string; strings: IFrontDoorWebPartStrings; locale: string; classes: ReturnType<typeof useClasses> }): JSX.Element {
  const { strings: s, classes } = props;
  return (
    <section aria-labelledby="pmo-front-door-events">
      <Stack tokens={{ childrenGap: 8 }}>
        <Text variant="xLarge" as="h2" id="pmo-front-door-events">{s.EventsHeading}</Text>
        {props.events.length === 0 && <Text>{s.NoEvents}</Text>}
        <ul className={classes.list}>
          {props.events.map((e) => (
            <li key={e.id} className={classes.card}>
              <Text variant="mediumPlus" as="h3">{e.title}</Text>
              <Text className={classes.meta} block={true}>{[when(e.startDate, props.locale, props.timeZone.iana), e.location].filter(Boolean).join(' · ')}</Text>
            </li>
          ))}
        </ul>
        {props.events.length > 0 && <Text className={classes.meta} variant="small">{format(s.TimesInZone, props.timeZone.description)}</Text>}
        {props.link && <Link href={props.link}>{s.AllEvents}</Link>}
      </Stack>
    </section>
  );
}

function Figures(props: { figures: KeyFigures; strings: IFrontDoorWebPartStrings; locale: string; classes: ReturnType<typeof useClasses> }): JSX.Element {
  const { figures: f, strings: s, classes } = props;
  const rows: Array<[number | undefined, string, string]> = [
    [f.activeProjects, formatLocaleNumber(f.activeProjects ?? 0, props.locale, 0), s.FigureActiveProjects],
    [f.reportsOnTimePct, `${formatLocaleNumber(f.reportsOnTimePct ?? 0, props.locale, 0)} %`, s.FigureReportsOnTime],
    [f.approvedTemplates, formatLocaleNumber(f.approvedTemplates ?? 0, props.locale, 0), s.FigureTemplates],
    [f.experts, formatLocaleNumber(f.experts ?? 0, props.locale, 0), s.FigureExperts]
  ];
  return (
    <section aria-labelledby="pmo-front-door-figures">
      <Stack tokens={{ childrenGap: 8 }}>
        <Text variant="xLarge" as="h2" id="pmo-front-door-figures">{s.FiguresHeading}</Text>
        <ul className={classes.grid}>
          {rows.filter(([v]) => v !== undefined).map(([, shown, label]) => (
            <li key={label} className={classes.figure}>
              <span className={classes.figureValue}>{shown}</span>
              <span>{label}</span>
            </li>
          ))}
        </ul>
        <Text className={classes.meta}>{s.FiguresNote}</Text>
      </Stack>
    </section>
  );
}

interface Loaded {
  content: FrontDoorContent;
  events: CommunityEvent[];
  /** Undefined when the site's zone is not one the browser knows: the meetings then show an error, not a wrong hour. */
  timeZone: SiteTimeZone | undefined;
  timeZoneError?: unknown;
  canEdit: boolean;
  figures: KeyFigures | undefined;
  figuresError?: unknown;
}

/**
 * The PMO's front page: purpose and quick links, services, who decides what, the team, the
 * next meetings and key figures. Every text is the PMO's, read from SharePoint in the visitor's
 * language; the figures are computed from the lists each time.
 */
export default function FrontDoor(props: IFrontDoorProps): JSX.Element {
  const { strings: s, common } = props;
  const classes = useClasses();
  const [editing, setEditing] = React.useState<FrontDoorText | undefined>();
  const [saved, setSaved] = React.useState(false);
  const now = props.now ?? ((): Date => new Date());
  const { state, reload } = useLoader<Loaded>(async () => {
    const at = now();
    const [content, events, timeZone, canEdit, figures] = await Promise.all([
      props.service.content(props.locale),
      props.service.nextEvents(at, 3),
      // A zone the browser cannot place costs the meetings, not the page.
      props.service.timeZone().then((value) => ({ value }), (error: unknown) => ({ error })),
      props.service.canEdit(),
      // A failed figure read costs the figures, not the page.
      props.service.keyFigures(at, props.staleDays).then((value) => ({ value }), (error: unknown) => ({ error }))
    ]);
    return {
      content, events, canEdit,
      timeZone: 'value' in timeZone ? timeZone.value : undefined, timeZoneError: 'error' in timeZone ? timeZone.error : undefined,
      figures: 'value' in figures ? figures.value : undefined, figuresError: 'error' in figures ? figures.error : undefined };
  }, [props.service, props.locale, props.staleDays]);

  if (state.status === 'loading') return <LoadingState label={common.Loading} />;
  if (state.status === 'error') {
    return <ErrorState heading={s.FrontDoorTitle} title={s.LoadError} error={state.error} common={common} retryLabel={common.Retry} onRetry={reload} />;
  }
  const { content, events, timeZone, timeZoneError, canEdit, figures, figuresError } = state.value;
  const onEdit: OnEdit = canEdit ? (t) => { setSaved(false); setEditing(t); } : undefined;
  const links = props.links(content.pages);
  const empty = !content.purpose && !content.services.length && !content.roles.length && !content.team.length;
  return (
    <div className={classes.root}>
      <Stack tokens={{ childrenGap: 24 }}>
        {saved && <MessageBar messageBarType={MessageBarType.success} role="status">{s.TextSaved}</MessageBar>}
        {content.fallback && !empty && <MessageBar messageBarType={MessageBarType.info}>{s.FallbackNote}</MessageBar>}
        {empty ? <EmptyState icon="Info" message={s.NoContent} /> : <Hero content={content} links={links} strings={s} classes={classes} onEdit={onEdit} />}
        {content.services.length > 0 && <Services content={content} strings={s} classes={classes} onEdit={onEdit} />}
        {content.roles.length > 0 && <Roles content={content} strings={s} classes={classes} onEdit={onEdit} />}
        {content.team.length > 0 && <Team content={content} strings={s} classes={classes} onEdit={onEdit} />}
        {timeZone && <Events events={events} timeZone={timeZone} link={links.community} strings={s} locale={props.locale} classes={classes} />}
        {timeZoneError !== undefined && <ErrorState heading={s.EventsHeading} title={s.EventsLoadError} error={timeZoneError} common={common} retryLabel={common.Retry} onRetry={reload} />}
        {figures && <Figures figures={figures} strings={s} locale={props.locale} classes={classes} />}
        {figuresError !== undefined && <ErrorState heading={s.FiguresHeading} title={s.FiguresLoadError} error={figuresError} common={common} retryLabel={common.Retry} onRetry={reload} />}
        {/* Adding, translating or reordering texts, and their section, language and contact, are the list's own forms. */}
        {canEdit && <Link href={props.service.listUrl()}>{s.EditInList}</Link>}
      </Stack>
      {editing && (
        <FrontDoorTextPanel
          text={editing} service={props.service} strings={s} common={common} locale={props.locale}
          onClose={() => setEditing(undefined)}
          onSaved={() => { setEditing(undefined); setSaved(true); reload(); }}
        />
      )}
    </div>
  );
}
