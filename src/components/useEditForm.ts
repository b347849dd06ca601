import * as React from 'react';
import { isConflict, isValidation } from './errors';
import { useBeforeUnload } from './UnsavedChangesGuard';

export type FormErrorsOf<F> = Partial<Record<keyof F, string>>;

export interface IEditFormOptions<F, Item, Action extends string> {
  /** What the form starts with (a stored item's values as text, or an empty form). */
  initial: F;
  /** The stored item being edited (its id and ETag travel with every save); undefined for a new one. */
  base?: Item;
  /** Field messages of a form about to be saved; empty when it can be saved. */
  validate: (form: F) => FormErrorsOf<F>;
  /** Saves with the base's ETag; `overwrite` after the user chose to overwrite someone else's change. */
  submit: (form: F, context: { base: Item | undefined; overwrite: boolean; action: Action }) => Promise<Item>;
  /** After a save: the form that is now "unchanged" (default: the form as it was saved). */
  afterSave?: (saved: Item, action: Action, form: F) => { form?: F; notice?: string } | void;
  /** A ValidationError's fields: those of the form under their fields, the rest as general messages. */
  splitServiceErrors: (fields: Record<string, string>) => { form: FormErrorsOf<F>; other: string[] };
  /** The message of a failure that is neither a conflict nor a validation error. */
  failureText: (e: unknown) => string;
  /** "Reload theirs" in a conflict: the form and base to continue from, and what to tell the user. */
  reload: (theirs: unknown) => { form?: F; base?: Item; notice?: string };
  /** Default: any field differs from the initial form. */
  isDirty?: (form: F, initial: F) => boolean;
}

export interface IEditForm<F, Item, Action extends string> {
  form: F;
  initial: F;
  base: Item | undefined;
  errors: FormErrorsOf<F>;
  general: string[];
  /** The action being saved, or undefined. */
  saving: Action | undefined;
  saveError: string | undefined;
  notice: string | undefined;
  setNotice: (notice: string | undefined) => void;
  conflict: { theirs: unknown; action: Action } | undefined;
  dirty: boolean;
  errorCount: number;
  set: <K extends keyof F>(key: K, value: F[K]) => void;
  save: (action: Action, overwrite?: boolean) => Promise<Item | undefined>;
  reloadTheirs: () => void;
  overwrite: () => void;
  cancelConflict: () => void;
  /** Close, or ask first when something typed is unsaved. */
  requestClose: () => void;
  confirmingClose: boolean;
  keepEditing: () => void;
  discard: () => void;
}

function shallowDirty<F>(form: F, initial: F): boolean {
  return (Object.keys(form as object) as Array<keyof F>).some((k) => form[k] !== initial[k]);
}

/**
 * The edit-form core every form shares (DESIGN rules 7 and 8): the form's draft state, validation
 * before anything is sent, saving with the item's ETag, a 412 turned into the user's choice
 * (reload theirs / overwrite), the service's field errors under their fields, a failure that keeps
 * everything typed, and the unsaved-change guard (in the page and on close).
 */
export function useEditForm<F, Item, Action extends string = 'save'>(options: IEditFormOptions<F, Item, Action>, onClose: () => void): IEditForm<F, Item, Action> {
  const [base, setBase] = React.useState<Item | undefined>(options.base);
  const [initial, setInitial] = React.useState<F>(options.initial);
  const [form, setForm] = React.useState<F>(options.initial);
  const [errors, setErrors] = React.useState<FormErrorsOf<F>>({});
  const [general, setGeneral] = React.useState<string[]>([]);
  const [saving, setSaving] = React.useState<Action | undefined>(undefined);
  const [saveError, setSaveError] = React.useState<string | undefined>(undefined);
  const [notice, setNotice] = React.useState<string | undefined>(undefined);
  const [conflict, setConflict] = React.useState<{ theirs: unknown; action: Action } | undefined>(undefined);
  const [confirmingClose, setConfirmingClose] = React.useState(false);
  const live = React.useRef(true);
  React.useEffect(() => () => { live.current = false; }, []);
  const dirty = (options.isDirty ?? shallowDirty)(form, initial);
  useBeforeUnload(dirty);

  const set = <K extends keyof F>(key: K, value: F[K]): void => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => (e[key] ? { ...e, [key]: undefined } : e));
    setNotice(undefined);
  };

  const save = async (action: Action, overwrite: boolean = false): Promise<Item | undefined> => {
    setSaveError(undefined);
    setNotice(undefined);
    setGeneral([]);
    const found = options.validate(form);
    setErrors(found);
    if (Object.values(found).some(Boolean)) return undefined;
    setSaving(action);
    try {
      const saved = await options.submit(form, { base, overwrite, action });
      if (!live.current) return saved;
      const next = options.afterSave?.(saved, action, form) ?? {};
      // afterSave may close the form (the host unmounts it): then nothing is left to update.
      if (!live.current) return saved;
      setBase(saved);
      setInitial(next.form ?? form);
      if (next.form) setForm(next.form);
      if (next.notice) setNotice(next.notice);
      return saved;
    } catch (e) {
      if (!live.current) return undefined;
      if (isConflict(e)) setConflict({ theirs: e.theirs, action });
      else if (isValidation(e)) {
        const split = options.splitServiceErrors(e.fields);
        setErrors(split.form);
        setGeneral(split.other);
      } else setSaveError(options.failureText(e));
      return undefined;
    } finally {
      if (live.current) setSaving(undefined);
    }
  };

  const reloadTheirs = (): void => {
    if (!conflict) return;
    const next = options.reload(conflict.theirs);
    if (next.base !== undefined) setBase(next.base);
    if (next.form) { setInitial(next.form); setForm(next.form); }
    setNotice(next.notice);
    setErrors({});
    setConflict(undefined);
  };

  const overwrite = (): void => {
    if (!conflict) return;
    const action = conflict.action;
    setConflict(undefined);
    save(action, true).catch(() => undefined);
  };

  return {
    form, initial, base, errors, general, saving, saveError, notice, setNotice, conflict, dirty,
    errorCount: Object.values(errors).filter(Boolean).length + general.length,
    set, save, reloadTheirs, overwrite,
    cancelConflict: () => setConflict(undefined),
    requestClose: () => { if (saving) return; if (dirty) setConfirmingClose(true); else onClose(); },
    confirmingClose,
    keepEditing: () => setConfirmingClose(false),
    discard: () => { setConfirmingClose(false); setForm(initial); onClose(); }
  };
}
