import * as React from 'react';
import {
  ActionButton, ChoiceGroup, DefaultButton, Dialog, DialogFooter, DialogType, Dropdown, Icon, Link, MessageBar, MessageBarType,
  Panel, PanelType, PrimaryButton, ProgressIndicator, SearchBox, Stack, Text, TextField, mergeStyles, useTheme,
  type IContextualMenuProps, type IDropdownOption
} from '@fluentui/react';
import { TEMPLATE_CATEGORIES, TEMPLATE_LANGUAGES, TEMPLATE_STANDARDS, WORK_PHASES } from '../../../schema';
import type { LibraryTemplate, TemplateStatus, TemplateVersion } from '../../../model/methods';
import type { ITemplateService, TemplatePreview, TemplateRights } from '../../../services/TemplateService';
import { UploadRefusedError } from '../../../services/TemplateService';
import {
  browse, canApprove, DEFAULT_MAX_TEMPLATE_BYTES, extensionOf, fileIconName, groupCount, mostUsed, periodStart, revisionBoard,
  templateLanguageOf, uploadProblem, type DownloadPeriod, type TemplateFilter, type TemplateGroup
} from '../../../services/templates';
import { download } from '../../../components/exportFiles';
import { formatDate } from '../../../components/format';
import { format, todayIso } from '../../../components/text';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { isConflict, describeError } from '../../../components/errors';
import { ScrollFrame } from '../../../components/ScrollFrame';

export interface ITemplatesProps {
  service: ITemplateService;
  strings: ITemplatesWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
  /** On a tenant, previews link to Office for the web (`?web=1`); the local hub has no viewer. */
  officeWebViewer: boolean;
}

type Lang = (typeof TEMPLATE_LANGUAGES)[number];

const MIME: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  pdf: 'application/pdf'
};

function langLabel(s: ITemplatesWebPartStrings, lang: string | undefined): string {
  const key = `Lang${(lang ?? '').replace('-', '').replace(/^(.)(.)(..)$/, (_m, a: string, b: string, c: string) => a.toUpperCase() + b + c)}` as keyof ITemplatesWebPartStrings;
  return s[key] ?? lang ?? '';
}

function statusLabel(s: ITemplatesWebPartStrings, status: TemplateStatus): string {
  return s[`Status${status}` as keyof ITemplatesWebPartStrings];
}

function categoryLabel(s: ITemplatesWebPartStrings, c: string | undefined): string {
  return c ? (s[`Cat${c}` as keyof ITemplatesWebPartStrings] ?? c) : '';
}

function standardLabel(s: ITemplatesWebPartStrings, st: string | undefined): string {
  return st === 'Internal' ? s.StdInternal : st ?? '';
}

function sizeText(bytes: number | undefined, locale: string): string {
  if (!bytes) return '';
  const kb = bytes / 1024;
  return kb < 1024 ? `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(kb)} KB`
    : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(kb / 1024)} MB`;
}

export default function Templates(props: ITemplatesProps): JSX.Element {
  const { service, strings: s, common, locale } = props;
  const theme = useTheme();
  const userLanguage = templateLanguageOf(locale);
  const [rights, setRights] = React.useState<TemplateRights | undefined>();
  const [templates, setTemplates] = React.useState<LibraryTemplate[] | undefined>();
  const [error, setError] = React.useState<string | undefined>();
  const [filter, setFilter] = React.useState<TemplateFilter>({});
  const [view, setView] = React.useState<'cards' | 'list'>('cards');
  const [period, setPeriod] = React.useState<DownloadPeriod>('90d');
  const [counts, setCounts] = React.useState<Map<number, number>>(new Map());
  const [notice, setNotice] = React.useState<{ type: MessageBarType; text: string } | undefined>();
  const [previewing, setPreviewing] = React.useState<{ template: LibraryTemplate; preview?: TemplatePreview; error?: string } | undefined>();
  const [uploading, setUploading] = React.useState<LibraryTemplate | undefined>();
  const [history, setHistory] = React.useState<{ template: LibraryTemplate; versions?: TemplateVersion[]; error?: string } | undefined>();
  const [chosen, setChosen] = React.useState<Record<string, number>>({});

  const load = React.useCallback(async (): Promise<void> => {
    setError(undefined);
    setTemplates(undefined);
    try {
      const r = await service.rights();
      setRights(r);
      setTemplates(await service.templates(r.curate));
    } catch (e) {
      setError(describeError(e, common));
    }
  }, [service, common]);

  const loadCounts = React.useCallback(async (): Promise<void> => {
    try {
      setCounts(await service.downloadCounts(periodStart(period)));
    } catch {
      // Counts are a nicety: the library works without them.
      setCounts(new Map());
    }
  }, [service, period]);

  React.useEffect(() => { load().catch(() => undefined); }, [load]);
  React.useEffect(() => { loadCounts().catch(() => undefined); }, [loadCounts]);

  const groups = React.useMemo(() => (templates ? browse(templates, filter, userLanguage) : []), [templates, filter, userLanguage]);
  const allGroups = React.useMemo(() => (templates ? browse(templates, {}, userLanguage) : []), [templates, userLanguage]);
  const replace = (t: LibraryTemplate): void => setTemplates((all) => (all ?? []).map((x) => (x.id === t.id ? t : x)));

  const doDownload = async (t: LibraryTemplate): Promise<void> => {
    try {
      const bytes = await service.content(t);
      download(bytes, t.fileName, MIME[extensionOf(t.fileName)] ?? 'application/octet-stream');
      setNotice({ type: MessageBarType.success, text: format(s.Downloaded, t.fileName) });
      await service.logDownload(t);
      await loadCounts();
    } catch (e) {
      setNotice({ type: MessageBarType.error, text: format(s.ActionFailed, describeError(e, common)) });
    }
  };

  const doPreview = async (t: LibraryTemplate): Promise<void> => {
    setPreviewing({ template: t });
    try {
      setPreviewing({ template: t, preview: await service.preview(t) });
    } catch (e) {
      setPreviewing({ template: t, error: describeError(e, common) });
    }
  };

  const doStatus = async (t: LibraryTemplate, status: TemplateStatus): Promise<void> => {
    try {
      const saved = await service.setStatus(t, status);
      replace(saved);
      setNotice({ type: MessageBarType.success, text: format(s.StatusChanged, t.title || t.fileName, statusLabel(s, status)) });
    } catch (e) {
      if (isConflict(e)) { replace(e.theirs as LibraryTemplate); setNotice({ type: MessageBarType.warning, text: s.Conflict }); return; }
      setNotice({ type: MessageBarType.error, text: format(s.ActionFailed, describeError(e, common)) });
    }
  };

  const openHistory = async (t: LibraryTemplate): Promise<void> => {
    setHistory({ template: t });
    try {
      setHistory({ template: t, versions: await service.versions(t) });
    } catch (e) {
      setHistory({ template: t, error: describeError(e, common) });
    }
  };

  const restore = async (t: LibraryTemplate, label: string): Promise<void> => {
    try {
      const saved = await service.restoreVersion(t, label);
      replace(saved);
      setNotice({ type: MessageBarType.success, text: format(s.Restored, label) });
      setHistory({ template: saved, versions: await service.versions(saved) });
    } catch (e) {
      setHistory((h) => (h ? { ...h, error: describeError(e, common) } : h));
    }
  };

  const labelled = mergeStyles({ fontWeight: 600 });
  const muted = mergeStyles({ color: theme.semanticColors.bodySubtext });
  const card = mergeStyles({
    border: `1px solid ${theme.semanticColors.bodyDivider}`, borderRadius: 4, padding: 12, background: theme.semanticColors.bodyBackground,
    display: 'flex', flexDirection: 'column', gap: 6, minHeight: 170
  });
  const grid = mergeStyles({ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))' });
  const iconClass = (name: string): string => mergeStyles({
    fontSize: 24, color: /Word/.test(name) ? '#185ABD' : /Excel/.test(name) ? '#107C41' : /PowerPoint/.test(name) ? '#C43E1C' : theme.palette.themePrimary
  });
  const table = mergeStyles({ width: '100%', borderCollapse: 'collapse', selectors: { 'th, td': { textAlign: 'left', padding: '6px 8px', borderBottom: `1px solid ${theme.semanticColors.bodyDivider}` } } });
  const pathButton = (active: boolean): string => mergeStyles({
    border: `1px solid ${active ? theme.palette.themePrimary : theme.semanticColors.bodyDivider}`, borderRadius: 16,
    background: active ? theme.palette.themePrimary : theme.semanticColors.bodyBackground, color: active ? theme.palette.white : theme.semanticColors.bodyText,
    padding: '4px 14px', minHeight: 32, cursor: 'pointer', font: 'inherit'
  });

  if (error) return <ErrorState heading={s.Title} title={s.LoadError} message={error} retryLabel={common.Retry} onRetry={() => { load().catch(() => undefined); }} />;
  if (!templates || !rights) return <LoadingState label={s.Loading} />;

  const option = (key: string, text: string): IDropdownOption => ({ key, text });
  const phaseLabel = (p: string | undefined): string => (p ? common[`Phase${p}` as keyof IPmoHubCommonStrings] ?? p : '');

  const shown = (g: TemplateGroup): LibraryTemplate => g.variants.find((v) => v.id === chosen[g.key]) ?? g.primary;

  const menu = (t: LibraryTemplate): IContextualMenuProps => ({
    items: [
      { key: 'upload', text: s.UploadVersion, iconProps: { iconName: 'Upload' }, onClick: () => { setUploading(t); } },
      { key: 'history', text: s.History, iconProps: { iconName: 'History' }, onClick: () => { openHistory(t).catch(() => undefined); } },
      { key: 'approve', text: s.Approve, iconProps: { iconName: 'CheckMark' }, disabled: !canApprove(t, todayIso()), onClick: () => { doStatus(t, 'Approved').catch(() => undefined); } },
      { key: 'retire', text: s.Retire, iconProps: { iconName: 'Archive' }, disabled: t.status === 'Retired', onClick: () => { doStatus(t, 'Retired').catch(() => undefined); } }
    ]
  });

  const actions = (t: LibraryTemplate): JSX.Element => (
    <Stack horizontal wrap tokens={{ childrenGap: 4 }}>
      <ActionButton iconProps={{ iconName: 'Download' }} ariaLabel={format(s.DownloadNamed, t.fileName)} onClick={() => { doDownload(t).catch(() => undefined); }}>{s.Download}</ActionButton>
      <ActionButton iconProps={{ iconName: 'Preview' }} ariaLabel={format(s.PreviewNamed, t.fileName)} onClick={() => { doPreview(t).catch(() => undefined); }}>{s.Preview}</ActionButton>
      {rights.curate && <ActionButton iconProps={{ iconName: 'More' }} ariaLabel={format(s.MoreActions, t.fileName)} menuProps={menu(t)}>{s.Actions}</ActionButton>}
    </Stack>
  );

  const meta = (t: LibraryTemplate): string => [phaseLabel(t.phase), categoryLabel(s, t.category), standardLabel(s, t.standard), langLabel(s, t.language)].filter(Boolean).join(' · ');

  const variantSwitch = (g: TemplateGroup): JSX.Element | null => {
    const current = shown(g);
    const others = g.variants.filter((v) => v.id !== current.id);
    if (!others.length) return null;
    return (
      <Text variant="small" className={muted}>
        {s.Variants}:{' '}
        {others.map((v, i) => (
          <React.Fragment key={v.id}>
            {i > 0 && ', '}
            <Link onClick={() => setChosen((c) => ({ ...c, [g.key]: v.id }))} aria-label={`${langLabel(s, v.language)}: ${v.title ?? v.fileName}`}>{langLabel(s, v.language)}</Link>
          </React.Fragment>
        ))}
      </Text>
    );
  };

  const top = mostUsed(allGroups, counts, 5);
  const board = rights.curate ? revisionBoard(templates, todayIso()) : [];

  return (
    <section aria-labelledby="pmo-templates-title">
      <Stack tokens={{ childrenGap: 12 }}>
        <Text as="h2" id="pmo-templates-title" variant="xLarge">{s.Title}</Text>
        {notice && <MessageBar messageBarType={notice.type} onDismiss={() => setNotice(undefined)} dismissButtonAriaLabel={s.Close} role="status">{notice.text}</MessageBar>}

        <nav aria-label={s.LifecycleLabel}>
          <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 4 }}>
            <button type="button" className={pathButton(!filter.phase)} aria-pressed={!filter.phase} onClick={() => setFilter((f) => ({ ...f, phase: '' }))}>{s.AllPhases}</button>
            {WORK_PHASES.map((p) => (
              <React.Fragment key={p}>
                <Icon iconName="ChevronRight" aria-hidden={true} className={muted} />
                <button type="button" className={pathButton(filter.phase === p)} aria-pressed={filter.phase === p} onClick={() => setFilter((f) => ({ ...f, phase: p }))}>{phaseLabel(p)}</button>
              </React.Fragment>
            ))}
          </Stack>
        </nav>

        <Stack horizontal wrap tokens={{ childrenGap: 12 }} verticalAlign="end">
          <Dropdown label={s.Category} className={mergeStyles({ minWidth: 180 })} selectedKey={filter.category || ''}
            options={[option('', s.Any), ...TEMPLATE_CATEGORIES.map((c) => option(c, categoryLabel(s, c)))]}
            onChange={(_e, o) => setFilter((f) => ({ ...f, category: (o?.key as TemplateFilter['category']) ?? '' }))} />
          <Dropdown label={s.Standard} className={mergeStyles({ minWidth: 140 })} selectedKey={filter.standard || ''}
            options={[option('', s.Any), ...TEMPLATE_STANDARDS.map((c) => option(c, standardLabel(s, c)))]}
            onChange={(_e, o) => setFilter((f) => ({ ...f, standard: (o?.key as TemplateFilter['standard']) ?? '' }))} />
          <Dropdown label={s.Language} className={mergeStyles({ minWidth: 140 })} selectedKey={filter.language || ''}
            options={[option('', s.Any), ...TEMPLATE_LANGUAGES.map((l: Lang) => option(l, langLabel(s, l)))]}
            onChange={(_e, o) => setFilter((f) => ({ ...f, language: (o?.key as TemplateFilter['language']) ?? '' }))} />
          <SearchBox className={mergeStyles({ minWidth: 220 })} placeholder={s.SearchLabel} ariaLabel={s.SearchLabel} value={filter.text ?? ''}
            onChange={(_e, v) => setFilter((f) => ({ ...f, text: v ?? '' }))} />
          <ChoiceGroup label={s.ViewLabel} selectedKey={view} onChange={(_e, o) => setView(o?.key === 'list' ? 'list' : 'cards')}
            styles={{ flexContainer: { display: 'flex', gap: 12 } }}
            options={[{ key: 'cards', text: s.ViewCards }, { key: 'list', text: s.ViewList }]} />
        </Stack>

        <Text role="status" aria-live="polite">{groups.length === 1 ? s.ResultCountOne : format(s.ResultCount, groups.length)}</Text>

        {groups.length === 0 ? <EmptyState icon="Filter" message={s.NoMatch} /> : view === 'cards' ? (
          <ul className={grid} aria-label={s.Title}>
            {groups.map((g) => {
              const t = shown(g);
              const icon = fileIconName(t.fileName);
              return (
                <li key={g.key} className={card}>
                  <Stack horizontal tokens={{ childrenGap: 8 }} verticalAlign="start">
                    <Icon iconName={icon} className={iconClass(icon)} aria-hidden={true} />
                    <Stack tokens={{ childrenGap: 2 }}>
                      <Text as="h3" variant="mediumPlus" className={labelled}>{t.title || t.fileName}</Text>
                      <Text variant="small" className={muted}>{meta(t)}</Text>
                    </Stack>
                  </Stack>
                  {t.description && <Text variant="small">{t.description}</Text>}
                  <Text variant="small" className={muted}>
                    {t.fileName} · {format(s.DownloadsCount, groupCount(g, counts))}
                    {t.status !== 'Approved' && ` · ${statusLabel(s, t.status)}`}
                  </Text>
                  {variantSwitch(g)}
                  {actions(t)}
                </li>
              );
            })}
          </ul>
        ) : (
          <ScrollFrame label={s.Title}>
            <table className={table} aria-label={s.Title}>
              <thead>
                <tr><th scope="col">{s.Template}</th><th scope="col">{s.Phase}</th><th scope="col">{s.Category}</th><th scope="col">{s.Standard}</th>
                  <th scope="col">{s.Language}</th><th scope="col">{s.Downloads}</th><th scope="col">{s.Actions}</th></tr>
              </thead>
              <tbody>
                {groups.map((g) => {
                  const t = shown(g);
                  const icon = fileIconName(t.fileName);
                  return (
                    <tr key={g.key}>
                      <td><Stack horizontal tokens={{ childrenGap: 6 }} verticalAlign="center"><Icon iconName={icon} className={iconClass(icon)} aria-hidden={true} /><span>{t.title || t.fileName}</span></Stack></td>
                      <td>{phaseLabel(t.phase)}</td><td>{categoryLabel(s, t.category)}</td><td>{standardLabel(s, t.standard)}</td>
                      <td>{langLabel(s, t.language)}</td><td>{groupCount(g, counts)}</td><td>{actions(t)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollFrame>
        )}

        <Stack horizontal wrap tokens={{ childrenGap: 24 }}>
          <Stack as="section" aria-labelledby="pmo-templates-most-used" tokens={{ childrenGap: 8 }} className={mergeStyles({ minWidth: 280, flex: 1 })}>
            <Stack horizontal verticalAlign="end" tokens={{ childrenGap: 12 }}>
              <Text as="h3" id="pmo-templates-most-used" variant="large">{s.MostUsed}</Text>
              <Dropdown label={s.Period} selectedKey={period} className={mergeStyles({ minWidth: 160 })}
                options={[option('30d', s.Period30), option('90d', s.Period90), option('365d', s.Period365), option('all', s.PeriodAll)]}
                onChange={(_e, o) => setPeriod((o?.key as DownloadPeriod) ?? '90d')} />
            </Stack>
            {top.length === 0 ? <Text>{s.MostUsedNone}</Text> : (
              <ol aria-label={s.MostUsed}>
                {top.map(({ group, count }) => <li key={group.key}>{group.primary.title || group.primary.fileName}: {format(s.DownloadsCount, count)}</li>)}
              </ol>
            )}
          </Stack>
          {rights.curate && (
            <Stack as="section" aria-labelledby="pmo-templates-revision" tokens={{ childrenGap: 8 }} className={mergeStyles({ minWidth: 320, flex: 2 })}>
              <Text as="h3" id="pmo-templates-revision" variant="large">{s.RevisionBoard}</Text>
              <Text as="p" variant="small" className={muted}>{s.RevisionBoardHelp}</Text>
              {board.length === 0 ? <Text>{s.RevisionNone}</Text> : (
                <ScrollFrame label={s.RevisionBoard}>
                  <table className={table} aria-label={s.RevisionBoard}>
                    <thead><tr><th scope="col">{s.Template}</th><th scope="col">{s.Language}</th><th scope="col">{s.Owner}</th><th scope="col">{s.NextRevision}</th><th scope="col">{s.Status}</th></tr></thead>
                    <tbody>
                      {board.map(({ template: t, state }) => (
                        <tr key={t.id}>
                          <td>{t.title || t.fileName}</td><td>{langLabel(s, t.language)}</td><td>{t.owner?.title ?? ''}</td><td>{formatDate(t.nextRevision, locale)}</td>
                          <td><Icon iconName={state === 'overdue' ? 'Warning' : 'Clock'} aria-hidden={true} /> {state === 'overdue' ? s.Overdue : s.Due}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollFrame>
              )}
            </Stack>
          )}
        </Stack>
      </Stack>

      {previewing && (
        <Panel isOpen={true} type={PanelType.medium} headerText={previewing.template.title || previewing.template.fileName} closeButtonAriaLabel={s.Close}
          onDismiss={() => setPreviewing(undefined)}>
          <PreviewBody {...props} template={previewing.template} preview={previewing.preview} error={previewing.error} phaseLabel={phaseLabel} />
        </Panel>
      )}
      {uploading && (
        <UploadDialog {...props} template={uploading} onDismiss={() => setUploading(undefined)} onUploaded={(t) => {
          replace(t);
          setUploading(undefined);
          setNotice({ type: MessageBarType.success, text: format(s.Uploaded, t.versionLabel ?? '', t.fileName) });
        }} />
      )}
      {history && (
        <Panel isOpen={true} type={PanelType.medium} headerText={format(s.HistoryHeading, history.template.fileName)} closeButtonAriaLabel={s.Close}
          onDismiss={() => setHistory(undefined)}>
          {history.error && <MessageBar messageBarType={MessageBarType.error} role="alert">{history.error}</MessageBar>}
          {!history.versions && !history.error && <LoadingState label={s.Loading} />}
          {history.versions && (
            <ScrollFrame label={s.History}>
              <table className={table} aria-label={s.History}>
                <thead><tr><th scope="col">{s.Version}</th><th scope="col">{s.LastRevised}</th><th scope="col">{s.ChangeNote}</th><th scope="col">{s.Size}</th><th scope="col">{s.Actions}</th></tr></thead>
                <tbody>
                  {history.versions.map((v) => (
                    <tr key={v.label}>
                      <td>{v.label}{v.isCurrent && ` (${s.Current})`}</td>
                      <td>{formatDate(v.created, locale)}</td>
                      <td>{v.changeNote || <span className={muted}>{s.NoChangeNote}</span>}</td>
                      <td>{sizeText(v.size, locale)}</td>
                      <td>{!v.isCurrent && <ActionButton iconProps={{ iconName: 'History' }} ariaLabel={format(s.RestoreNamed, v.label)}
                        onClick={() => { restore(history.template, v.label).catch(() => undefined); }}>{s.Restore}</ActionButton>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollFrame>
          )}
        </Panel>
      )}
    </section>
  );
}

function PreviewBody(props: ITemplatesProps & { template: LibraryTemplate; preview?: TemplatePreview; error?: string; phaseLabel: (p?: string) => string }): JSX.Element {
  const { strings: s, template: t, locale } = props;
  const row = (label: string, value: string | undefined): JSX.Element | null => (value ? <><dt>{label}</dt><dd>{value}</dd></> : null);
  const box = mergeStyles({ whiteSpace: 'pre-wrap', border: '1px solid', borderColor: 'rgba(0,0,0,.15)', padding: 12, borderRadius: 4 });
  return (
    <Stack tokens={{ childrenGap: 12 }}>
      {t.description && <Text>{t.description}</Text>}
      <dl>
        {row(s.Phase, props.phaseLabel(t.phase))}
        {row(s.Category, categoryLabel(s, t.category))}
        {row(s.Standard, standardLabel(s, t.standard))}
        {row(s.Language, langLabel(s, t.language))}
        {row(s.Owner, t.owner?.title)}
        {row(s.LastRevised, formatDate(t.lastRevised, locale))}
        {row(s.NextRevision, formatDate(t.nextRevision, locale))}
        {row(s.Version, t.versionLabel)}
        {row(s.Size, sizeText(t.size, locale))}
        {row(s.Status, statusLabel(s, t.status))}
        {row(s.ChangeNote, t.changeNote)}
      </dl>
      {props.officeWebViewer && <Link href={`${t.fileUrl}?web=1`} target="_blank" rel="noopener noreferrer">{s.OpenInOffice}</Link>}
      <Text as="h2" variant="large">{s.PreviewFirstPage}</Text>
      {props.error && <MessageBar messageBarType={MessageBarType.error} role="alert">{props.error}</MessageBar>}
      {!props.preview && !props.error && <LoadingState label={s.Loading} />}
      {props.preview && (props.preview.lines.length
        ? <div className={box} aria-label={s.PreviewFirstPage}>{props.preview.lines.map((l, i) => <p key={i}>{l}</p>)}</div>
        : <Text>{s.PreviewNone}</Text>)}
    </Stack>
  );
}

function UploadDialog(props: ITemplatesProps & { template: LibraryTemplate; onDismiss: () => void; onUploaded: (t: LibraryTemplate) => void }): JSX.Element {
  const { strings: s, template, service, locale } = props;
  const [file, setFile] = React.useState<File | undefined>();
  const [note, setNote] = React.useState('');
  const [errors, setErrors] = React.useState<{ file?: string; note?: string; form?: string }>({});
  const [progress, setProgress] = React.useState<{ sent: number; total: number } | undefined>();
  const inputId = `pmo-template-file-${template.id}`;

  const problemText = (problem: string): string => {
    switch (problem) {
      case 'blockedType': return s.ProblemBlockedType;
      case 'tooLarge': case 'serverRefused': return format(s.ProblemTooLarge, sizeText(DEFAULT_MAX_TEMPLATE_BYTES, locale));
      case 'invalidCharacters': return s.ProblemInvalidCharacters;
      case 'tooLong': return s.ProblemTooLong;
      case 'emptyFile': case 'empty': return s.ProblemEmpty;
      case 'differentType': return format(s.ProblemDifferentType, extensionOf(template.fileName));
      default: return problem;
    }
  };

  const submit = async (): Promise<void> => {
    const next: typeof errors = {};
    if (!file) next.file = s.FileRequired;
    else {
      const p = uploadProblem(file.name, file.size);
      if (p) next.file = problemText(p);
      else if (extensionOf(file.name) !== extensionOf(template.fileName)) next.file = problemText('differentType');
    }
    if (!note.trim()) next.note = s.ChangeNoteRequired;
    setErrors(next);
    if (next.file || next.note || !file) return;
    setProgress({ sent: 0, total: file.size });
    try {
      const saved = await service.uploadNewVersion(template, { name: file.name, size: file.size, content: file }, note, setProgress);
      props.onUploaded(saved);
    } catch (e) {
      setProgress(undefined);
      // The service cancelled the upload: nothing half-written stays, and what the user typed is kept.
      setErrors({ form: e instanceof UploadRefusedError ? problemText(e.problem) : format(s.ActionFailed, describeError(e, props.common)) });
    }
  };

  return (
    <Dialog hidden={false} onDismiss={progress ? undefined : props.onDismiss} minWidth={440}
      dialogContentProps={{ type: DialogType.normal, title: format(s.UploadHeading, template.fileName), closeButtonAriaLabel: s.Close }}
      modalProps={{ isBlocking: true }}>
      <Stack tokens={{ childrenGap: 12 }}>
        {errors.form && <MessageBar messageBarType={MessageBarType.error} role="alert">{errors.form}</MessageBar>}
        <Stack tokens={{ childrenGap: 4 }}>
          <label htmlFor={inputId} className={mergeStyles({ fontWeight: 600 })}>{s.ChooseFile}</label>
          <input id={inputId} type="file" aria-invalid={!!errors.file} aria-describedby={errors.file ? `${inputId}-error` : undefined}
            onChange={(e) => setFile(e.target.files?.[0])} disabled={!!progress} />
          {errors.file && <Text id={`${inputId}-error`} role="alert" className={mergeStyles({ color: '#a4262c' })}>{errors.file}</Text>}
        </Stack>
        <TextField label={s.ChangeNote} multiline rows={3} required value={note} onChange={(_e, v) => setNote(v ?? '')} errorMessage={errors.note} disabled={!!progress} maxLength={1000} />
        {progress && <ProgressIndicator label={s.Upload} description={format(s.Uploading, sizeText(progress.sent, locale) || '0 KB', sizeText(progress.total, locale))}
          percentComplete={progress.total ? progress.sent / progress.total : 0} />}
      </Stack>
      <DialogFooter>
        <PrimaryButton onClick={() => { submit().catch(() => undefined); }} disabled={!!progress}>{s.Upload}</PrimaryButton>
        <DefaultButton onClick={props.onDismiss} disabled={!!progress}>{s.Cancel}</DefaultButton>
      </DialogFooter>
    </Dialog>
  );
}
