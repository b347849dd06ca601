import * as React from 'react';
import { NormalPeoplePicker, Label, Text, getId, useTheme, type IPersonaProps, type IBasePickerSuggestionsProps } from '@fluentui/react';
import type { IPeopleService } from '../services/editing';

/** A person as a picker holds it: e-mail is the key; `id` is the site user id once known. */
export interface IPickerPerson {
  email: string;
  title: string;
  id?: number;
}

export interface IPeoplePickerProps {
  label: string;
  people: IPeopleService;
  /** One person (the register's person columns are single-valued). */
  selected?: IPickerPerson;
  onChange: (person: IPickerPerson | undefined) => void;
  suggestionsHeaderText: string;
  noResultsFoundText: string;
  loadingText: string;
  removeButtonAriaLabel: string;
  errorMessage?: string;
  disabled?: boolean;
}

function toPersona(p: IPickerPerson & { secondaryText?: string }, people: IPeopleService): IPersonaProps {
  return {
    key: p.email || String(p.id),
    text: p.title,
    secondaryText: p.secondaryText ?? p.email,
    imageUrl: p.email ? people.photoUrl(p.email) : undefined,
    // Carries the e-mail and id back out of Fluent's persona.
    optionalText: p.email,
    id: p.id !== undefined ? String(p.id) : undefined
  };
}

/**
 * Fluent's NormalPeoplePicker fed by IPeopleService.search (Microsoft Graph), showing photos.
 * Single-select; labelled for screen readers; the caller resolves people to site users on save.
 */
export function PeoplePicker(props: IPeoplePickerProps): JSX.Element {
  const theme = useTheme();
  const inputId = React.useRef(getId('people-picker')).current;
  const errorId = `${inputId}-error`;
  const { people } = props;
  const suggestionProps: IBasePickerSuggestionsProps = {
    suggestionsHeaderText: props.suggestionsHeaderText,
    noResultsFoundText: props.noResultsFoundText,
    loadingText: props.loadingText,
    suggestionsContainerAriaLabel: props.suggestionsHeaderText
  };
  const resolve = React.useCallback(async (filter: string): Promise<IPersonaProps[]> => {
    if (!filter.trim()) return [];
    try {
      const found = await people.search(filter.trim());
      return found.map((f) => toPersona({
        email: f.email, title: f.displayName, secondaryText: [f.jobTitle, f.department].filter(Boolean).join(', ') || f.email
      }, people));
    } catch {
      return [];
    }
  }, [people]);
  const selectedItems = props.selected ? [toPersona(props.selected, people)] : [];
  return (
    <div>
      <Label htmlFor={inputId} disabled={props.disabled}>{props.label}</Label>
      <NormalPeoplePicker
        onResolveSuggestions={resolve}
        getTextFromItem={(p) => p.text ?? ''}
        pickerSuggestionsProps={suggestionProps}
        selectedItems={selectedItems}
        itemLimit={1}
        resolveDelay={250}
        disabled={props.disabled}
        removeButtonAriaLabel={props.removeButtonAriaLabel}
        onChange={(items) => {
          const p = items?.[0];
          if (!p) { props.onChange(undefined); return; }
          const email = p.optionalText ?? String(p.key ?? '');
          const same = props.selected && props.selected.email.toLowerCase() === email.toLowerCase();
          props.onChange({ email, title: p.text ?? email, id: same ? props.selected?.id : p.id ? Number(p.id) : undefined });
        }}
        inputProps={{
          id: inputId,
          'aria-label': props.label,
          'aria-invalid': props.errorMessage ? true : undefined,
          'aria-describedby': props.errorMessage ? errorId : undefined
        }}
      />
      {props.errorMessage && (
        <Text id={errorId} role="alert" variant="small" styles={{ root: { color: theme.semanticColors.errorText } }}>{props.errorMessage}</Text>
      )}
    </div>
  );
}
