import * as React from 'react';
import { DefaultButton, Dropdown, PrimaryButton, TextField } from '@fluentui/react';
import { LESSON_CATEGORIES, WORK_PHASES } from '../../../../schema';
import type { LessonCategory, LessonLearned } from '../../../../model/community';
import type { WorkPhase } from '../../../../model/methods';
import type { ILessonService } from '../../../../services/LessonService';
import { EditPanel, editFormWords } from '../../../../components/EditPanel';
import { useEditForm, type FormErrorsOf } from '../../../../components/useEditForm';
import { describeError } from '../../../../components/errors';
import { phaseLabel } from '../../../../components/labels';
import { fieldError, lessonCategoryLabel } from '../../shared/communityText';

export interface LessonForm {
  title: string;
  category: LessonCategory | undefined;
  phase: WorkPhase | undefined;
  whatHappened: string;
  recommendation: string;
  /** As typed: separated by commas or semicolons. */
  tags: string;
}

export const EMPTY_LESSON: LessonForm = { title: '', category: undefined, phase: undefined, whatHappened: '', recommendation: '', tags: '' };

export function validateLessonForm(f: LessonForm, s: ICommunityWebPartStrings): FormErrorsOf<LessonForm> {
  const errors: FormErrorsOf<LessonForm> = {};
  if (!f.title.trim()) errors.title = s.ErrorRequired;
  else if (f.title.length > 255) errors.title = s.ErrorTooLong;
  if (!f.whatHappened.trim()) errors.whatHappened = s.ErrorRequired;
  return errors;
}

const FIELDS: ReadonlyArray<keyof LessonForm> = ['title', 'category', 'phase', 'whatHappened', 'recommendation', 'tags'];

export interface ILessonPanelProps {
  service: ILessonService;
  strings: ICommunityWebPartStrings;
  common: IPmoHubCommonStrings;
  onClose: () => void;
  onSaved: (l: LessonLearned) => void;
}

/** Log a lesson: what happened and what we recommend, as typed; the service's errors under their fields. */
export function LessonPanel(props: ILessonPanelProps): JSX.Element {
  const { strings: s, common: c } = props;
  const edit = useEditForm<LessonForm, LessonLearned, 'save'>({
    initial: EMPTY_LESSON,
    validate: (f) => validateLessonForm(f, s),
    submit: (f) => props.service.save({
      title: f.title, category: f.category, phase: f.phase, whatHappened: f.whatHappened,
      recommendation: f.recommendation || undefined, tags: f.tags.split(/[;,]/)
    }),
    afterSave: (saved) => { props.onSaved(saved); },
    splitServiceErrors: (fields) => {
      const form: FormErrorsOf<LessonForm> = {};
      const other: string[] = [];
      for (const [k, code] of Object.entries(fields)) {
        if ((FIELDS as readonly string[]).includes(k)) form[k as keyof LessonForm] = fieldError(s, code);
        else other.push(fieldError(s, code) ?? code);
      }
      return { form, other };
    },
    failureText: (e) => describeError(e, c),
    // A new lesson has no stored version to meet: nothing to reload.
    reload: () => ({})
  }, props.onClose);
  const { form, errors, set } = edit;
  const saving = edit.saving !== undefined;
  return (
    <EditPanel
      edit={edit}
      heading={s.LogLesson}
      closeLabel={c.Close}
      savingLabel={c.FormSaving}
      words={editFormWords(c)}
      conflictRows={() => []}
      commands={(
        <>
          <PrimaryButton onClick={() => { edit.save('save').catch(() => undefined); }} disabled={saving}>{s.Save}</PrimaryButton>
          <DefaultButton onClick={edit.requestClose} disabled={saving}>{s.Cancel}</DefaultButton>
        </>
      )}
    >
      <TextField label={s.FieldLesson} required={true} value={form.title} onChange={(_, v) => set('title', v ?? '')} errorMessage={errors.title} />
      <Dropdown
        label={s.FieldCategory} options={LESSON_CATEGORIES.map((x) => ({ key: x, text: lessonCategoryLabel(s, x) }))} selectedKey={form.category ?? null}
        onChange={(_, o) => { if (o) set('category', o.key as LessonCategory); }} errorMessage={errors.category}
      />
      <Dropdown
        label={s.FieldPhase} options={WORK_PHASES.map((p) => ({ key: p, text: phaseLabel(c, p) }))} selectedKey={form.phase ?? null}
        onChange={(_, o) => { if (o) set('phase', o.key as WorkPhase); }} errorMessage={errors.phase}
      />
      <TextField label={s.WhatHappened} required={true} multiline={true} rows={5} value={form.whatHappened} onChange={(_, v) => set('whatHappened', v ?? '')} errorMessage={errors.whatHappened} />
      <TextField label={s.Recommendation} multiline={true} rows={4} value={form.recommendation} onChange={(_, v) => set('recommendation', v ?? '')} errorMessage={errors.recommendation} />
      <TextField label={s.FieldTags} description={s.TagsHint} value={form.tags} onChange={(_, v) => set('tags', v ?? '')} errorMessage={errors.tags} />
    </EditPanel>
  );
}
