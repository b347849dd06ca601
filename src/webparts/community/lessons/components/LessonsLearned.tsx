import * as React from 'react';
import {
  DefaultButton, Dropdown, MessageBar, MessageBarType, PrimaryButton, SearchBox, Stack, Text,
  mergeStyleSets, useTheme, type IDropdownOption
} from '@fluentui/react';
import { LESSON_CATEGORIES, WORK_PHASES } from '../../../../schema';
import type { LessonCategory, LessonLearned } from '../../../../model/community';
import type { TemplateCategory, WorkPhase } from '../../../../model/methods';
import type { ILessonService, LessonFilter } from '../../../../services/LessonService';
import { ErrorState, EmptyState, LoadingState } from '../../../../components/States';
import { describeError } from '../../../../components/errors';
import { lazyComponent } from '../../../../components/lazyComponent';

// The form loads when it is first opened, not with the page.
const LessonPanel = lazyComponent(() => import(/* webpackChunkName: 'lesson-form' */ './LessonPanel').then((m) => m.LessonPanel));
import { format } from '../../../../components/text';
import { phaseLabel } from '../../../../components/labels';
import { formatDay, lessonCategoryLabel } from '../../shared/communityText';

export interface ILessonsLearnedProps {
  lessons: ILessonService;
  strings: ICommunityWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
}

const PAGE = 25;

function useClasses(): Record<'root' | 'card' | 'text' | 'meta' | 'list', string> {
  const theme = useTheme();
  return mergeStyleSets({
    root: { color: theme.semanticColors.bodyText },
    card: { border: `1px solid ${theme.semanticColors.bodyDivider}`, borderRadius: 4, padding: 12 },
    text: { whiteSpace: 'pre-wrap', margin: 0 },
    meta: { color: theme.semanticColors.bodySubtext },
    list: { listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 12 }
  });
}

/** One lesson as text: what happened and what we recommend. Markup in it stays inert. */
export function LessonCard(props: { lesson: LessonLearned; strings: ICommunityWebPartStrings; common: IPmoHubCommonStrings; locale: string; headingLevel?: 'h3' | 'h4' }): JSX.Element {
  const { lesson: l, strings: s } = props;
  const classes = useClasses();
  const meta = [
    l.category ? lessonCategoryLabel(s, l.category) : '', l.phase ? phaseLabel(props.common, l.phase) : '', l.project?.title ?? '',
    l.author?.title ?? '', formatDay(l.created, props.locale)
  ].filter(Boolean).join(' · ');
  return (
    <Stack tokens={{ childrenGap: 4 }} className={classes.card}>
      <Text variant="large" as={props.headingLevel ?? 'h3'}>{l.title}</Text>
      <Text className={classes.meta}>{meta}</Text>
      <Text variant="smallPlus" as="strong">{s.WhatHappened}</Text>
      <p className={classes.text}>{l.whatHappened}</p>
      {l.recommendation && <><Text variant="smallPlus" as="strong">{s.Recommendation}</Text><p className={classes.text}>{l.recommendation}</p></>}
      {l.tags.length > 0 && <Text className={classes.meta}>{format(s.TagsList, l.tags.join(', '))}</Text>}
      {/* Where the lesson travelled, as the PMO recorded it: what the "lessons reused" KPI counts. */}
      {(l.reusedIn ?? []).length > 0 && <Text className={classes.meta}>{format(s.ReusedIn, (l.reusedIn ?? []).map((p) => p.title).join(', '))}</Text>}
    </Stack>
  );
}

/** Browse, search and log lessons; newest first, a page at a time (threshold-safe at any size). */
export default function LessonsLearned(props: ILessonsLearnedProps): JSX.Element {
  const { strings: s } = props;
  const classes = useClasses();
  const [filter, setFilter] = React.useState<LessonFilter>({});
  const [text, setText] = React.useState('');
  const [state, setState] = React.useState<{ kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; lessons: LessonLearned[]; before?: number; more: boolean }>({ kind: 'loading' });
  const [logging, setLogging] = React.useState(false);
  const [notice, setNotice] = React.useState<string | undefined>();

  const query = React.useCallback(async (f: LessonFilter, before?: number, previous: LessonLearned[] = []): Promise<void> => {
    try {
      const page = await props.lessons.browse(f, { before, limit: PAGE });
      setState({ kind: 'ready', lessons: previous.concat(page.lessons), before: page.before, more: page.before !== undefined });
    } catch (e) {
      setState({ kind: 'error', message: describeError(e, props.common) });
    }
  }, [props.lessons, props.common]);
  React.useEffect(() => { setState({ kind: 'loading' }); query(filter).catch(() => undefined); }, [query, filter]);

  const categoryOptions: IDropdownOption[] = [{ key: '', text: s.AllCategories }, ...LESSON_CATEGORIES.map((c) => ({ key: c, text: lessonCategoryLabel(s, c) }))];
  const phaseOptions: IDropdownOption[] = [{ key: '', text: s.AllPhases }, ...WORK_PHASES.map((p) => ({ key: p, text: phaseLabel(props.common, p) }))];

  return (
    <section className={classes.root} aria-label={s.LessonsTitle}>
      <Stack tokens={{ childrenGap: 12 }}>
        <Stack horizontal horizontalAlign="space-between" verticalAlign="center" wrap tokens={{ childrenGap: 8 }}>
          <Text variant="xLarge" as="h2">{s.LessonsTitle}</Text>
          <PrimaryButton iconProps={{ iconName: 'Add' }} onClick={() => setLogging(true)}>{s.LogLesson}</PrimaryButton>
        </Stack>
        {notice && <MessageBar messageBarType={MessageBarType.success} onDismiss={() => setNotice(undefined)} dismissButtonAriaLabel={props.common.Close}>{notice}</MessageBar>}
        <Stack horizontal wrap verticalAlign="end" tokens={{ childrenGap: 12 }}>
          <SearchBox placeholder={s.SearchLessons} ariaLabel={s.SearchLessons} value={text} onChange={(_, v) => setText(v ?? '')}
            onSearch={(v) => setFilter({ ...filter, text: v })} onClear={() => setFilter({ ...filter, text: '' })} styles={{ root: { minWidth: 240 } }} />
          <DefaultButton onClick={() => setFilter({ ...filter, text })}>{s.Search}</DefaultButton>
          <Dropdown label={s.FieldCategory} options={categoryOptions} selectedKey={filter.category ?? ''} onChange={(_, o) => setFilter({ ...filter, category: (o?.key || undefined) as LessonCategory | undefined })} styles={{ root: { minWidth: 180 } }} />
          <Dropdown label={s.FieldPhase} options={phaseOptions} selectedKey={filter.phase ?? ''} onChange={(_, o) => setFilter({ ...filter, phase: (o?.key || undefined) as WorkPhase | undefined })} styles={{ root: { minWidth: 160 } }} />
        </Stack>
        {state.kind === 'loading' && <LoadingState label={props.common.Loading} />}
        {state.kind === 'error' && <ErrorState title={s.LoadError} message={state.message} retryLabel={props.common.Retry} onRetry={() => { query(filter).catch(() => undefined); }} />}
        {state.kind === 'ready' && (
          <>
            {state.lessons.length === 0 && <EmptyState icon="Lightbulb" message={s.NoLessons} />}
            <ul className={classes.list} aria-label={s.LessonsTitle}>
              {state.lessons.map((l) => <li key={l.id}><LessonCard lesson={l} strings={s} common={props.common} locale={props.locale} /></li>)}
            </ul>
            {state.more && <DefaultButton onClick={() => { query(filter, state.before, state.lessons).catch(() => undefined); }}>{s.LoadMore}</DefaultButton>}
          </>
        )}
      </Stack>
      {logging && (
        <LessonPanel service={props.lessons} strings={s} common={props.common}
          onClose={() => setLogging(false)}
          onSaved={(l) => { setLogging(false); setNotice(format(s.LessonSaved, l.title)); setFilter({ ...filter }); }} />
      )}
    </section>
  );
}

export interface ILessonsForCategoryProps {
  lessons: Pick<ILessonService, 'forTemplateCategory'>;
  category: TemplateCategory;
  strings: ICommunityWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
  top?: number;
}

/**
 * The lessons offered beside a method template of the category: for the templates web part,
 * which renders it next to the template (services through props, like every component).
 */
export function LessonsForCategory(props: ILessonsForCategoryProps): JSX.Element {
  const { strings: s } = props;
  const [state, setState] = React.useState<{ lessons?: LessonLearned[]; error?: string }>({});
  React.useEffect(() => {
    let live = true;
    props.lessons.forTemplateCategory(props.category, props.top ?? 3).then((lessons) => { if (live) setState({ lessons }); }, (e: unknown) => { if (live) setState({ error: describeError(e, props.common) }); });
    return () => { live = false; };
  }, [props.lessons, props.category, props.top, props.common]);
  return (
    <aside aria-label={s.LessonsForTemplate}>
      <Stack tokens={{ childrenGap: 8 }}>
        <Text variant="mediumPlus" as="h3">{s.LessonsForTemplate}</Text>
        {state.error && <MessageBar messageBarType={MessageBarType.error}>{state.error}</MessageBar>}
        {state.lessons && state.lessons.length === 0 && <Text>{s.NoLessons}</Text>}
        {state.lessons?.map((l) => <LessonCard key={l.id} lesson={l} strings={s} common={props.common} locale={props.locale} headingLevel="h4" />)}
      </Stack>
    </aside>
  );
}
