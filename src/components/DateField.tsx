import * as React from 'react';
import { Calendar, Callout, DirectionalHint, FocusTrapZone, IconButton, Label, TextField, getId, type ITextField } from '@fluentui/react';
import { datePickerStrings, dateFieldValue, dateToIso, firstDayOfWeek, formatIsoShort, formatShortDate, isoToDate } from './dates';
import { format } from './text';

export interface IDateFieldProps {
  label: string;
  /** `YYYY-MM-DD`, undefined when empty, or unreadable text (shown as typed, flagged by validation). */
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  onBlur?: () => void;
  locale: string;
  common: IPmoHubCommonStrings;
  errorMessage?: string;
  required?: boolean;
  disabled?: boolean;
  className?: string;
}

function isIso(v: string | undefined): boolean {
  return !!v && /^\d{4}-\d{2}-\d{2}$/.test(v);
}

/**
 * A date typed in the language's own short form or picked from a calendar. Unlike Fluent's
 * DatePicker with text input (which re-parses on focus changes and lost or changed typed dates
 * while its calendar was open), the text the person typed is the state: every keystroke is read
 * with the same parser, the calendar is only opened by its button, and a text that is not a date
 * stays as typed for validation to flag under the field.
 */
export function DateField(props: IDateFieldProps): JSX.Element {
  const { locale, common: c, value, onChange } = props;
  const display = (v: string | undefined): string => (isIso(v) ? formatIsoShort(v, locale) : v ?? '');
  const [text, setText] = React.useState<string>(() => display(value));
  const [open, setOpen] = React.useState(false);
  const ids = React.useRef({ button: getId('date-button'), label: getId('date-label'), input: getId('date-input') }).current;
  const field = React.useRef<ITextField>(null);

  // A value set from outside (reload, conflict, calendar) replaces the text; our own typing does not.
  React.useEffect(() => {
    setText((t) => (dateFieldValue(t, locale) === value ? t : display(value)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, locale]);

  const hint = format(c.DateHint, formatShortDate(new Date(2027, 0, 15), locale));
  const strings = datePickerStrings(locale, {
    goToToday: c.DateGoToToday, prevMonthAriaLabel: c.DatePrevMonth, nextMonthAriaLabel: c.DateNextMonth,
    prevYearAriaLabel: c.DatePrevYear, nextYearAriaLabel: c.DateNextYear, closeButtonAriaLabel: c.DateCloseCalendar,
    invalidInputErrorMessage: c.DateInvalid
  });
  const pick = (d: Date): void => {
    const iso = dateToIso(d);
    setText(display(iso));
    onChange(iso);
    setOpen(false);
    field.current?.focus();
  };

  return (
    <div className={props.className}>
      {/* Our own label: Fluent would name the input by its label AND the calendar button in its suffix. */}
      <Label id={ids.label} htmlFor={ids.input} required={props.required} disabled={props.disabled}>{props.label}</Label>
      <TextField
        componentRef={field}
        id={ids.input}
        aria-labelledby={ids.label}
        aria-required={props.required}
        value={text}
        placeholder={formatShortDate(new Date(2027, 0, 15), locale)}
        description={props.errorMessage ? undefined : hint}
        autoComplete="off"
        onChange={(_, t) => { const next = t ?? ''; setText(next); onChange(dateFieldValue(next, locale)); }}
        onBlur={() => { if (isIso(dateFieldValue(text, locale))) setText(display(dateFieldValue(text, locale))); props.onBlur?.(); }}
        errorMessage={props.errorMessage}
        disabled={props.disabled}
        onRenderSuffix={() => (
          <IconButton
            id={ids.button}
            iconProps={{ iconName: 'Calendar' }}
            title={c.DateOpenCalendar}
            ariaLabel={`${c.DateOpenCalendar}: ${props.label}`}
            aria-expanded={open}
            aria-haspopup="dialog"
            disabled={props.disabled}
            onClick={() => setOpen((o) => !o)}
            styles={{ root: { height: 30 } }}
          />
        )}
        styles={{ suffix: { padding: 0 } }}
      />
      {open && (
        <Callout
          target={`#${ids.button}`}
          directionalHint={DirectionalHint.bottomRightEdge}
          onDismiss={() => setOpen(false)}
          setInitialFocus={true}
          role="dialog"
          ariaLabel={props.label}
        >
          <FocusTrapZone isClickableOutsideFocusTrap={true}>
            <Calendar
              value={isIso(value) ? isoToDate(value) : undefined}
              onSelectDate={pick}
              onDismiss={() => setOpen(false)}
              strings={strings}
              firstDayOfWeek={firstDayOfWeek(locale)}
              showGoToToday={true}
              isDayPickerVisible={true}
            />
          </FocusTrapZone>
        </Callout>
      )}
    </div>
  );
}
