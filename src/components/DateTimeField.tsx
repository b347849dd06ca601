import * as React from 'react';
import { Stack, TextField } from '@fluentui/react';
import { DateField } from './DateField';
import { formatLocaleTime, parseLocaleTime } from './dateTime';
import { format } from './text';

export interface IDateTimeFieldProps {
  label: string;
  /** The date part as DateField keeps it: `YYYY-MM-DD`, undefined, or unreadable text. */
  date: string | undefined;
  /** The time as typed. */
  time: string;
  onDateChange: (value: string | undefined) => void;
  onTimeChange: (value: string) => void;
  locale: string;
  common: IPmoHubCommonStrings;
  dateError?: string;
  timeError?: string;
  required?: boolean;
}

/**
 * A moment typed the language's way: a DateField and a time of day ("14.30" in Danish, "14:30" in
 * Dutch and Swedish, "2:30 PM" in English). Unlike `<input type="datetime-local">`, whose format
 * is the browser's language rather than the page's, both parts follow the page.
 */
export function DateTimeField(props: IDateTimeFieldProps): JSX.Element {
  const { common: c, locale } = props;
  const example = formatLocaleTime('14:30', locale);
  return (
    <Stack horizontal={true} wrap={true} tokens={{ childrenGap: 12 }} verticalAlign="start">
      <Stack.Item styles={{ root: { minWidth: 220 } }}>
        <DateField label={props.label} value={props.date} onChange={props.onDateChange} locale={locale} common={c} errorMessage={props.dateError} required={props.required} />
      </Stack.Item>
      <Stack.Item styles={{ root: { width: 210 } }}>
        <TextField
          label={format(c.TimeOf, props.label)}
          required={props.required}
          value={props.time}
          placeholder={example}
          description={props.timeError ? undefined : format(c.TimeHint, example)}
          errorMessage={props.timeError}
          autoComplete="off"
          onChange={(_, v) => props.onTimeChange(v ?? '')}
          onBlur={() => {
            // Written back the language's way once it reads as a time (14,30 stays for validation).
            const t = parseLocaleTime(props.time, locale);
            if (t) props.onTimeChange(formatLocaleTime(t, locale));
          }}
        />
      </Stack.Item>
    </Stack>
  );
}

/** The message under a time field whose text is not a time; undefined for a time or empty text. */
export function timeError(text: string, locale: string, common: IPmoHubCommonStrings): string | undefined {
  return parseLocaleTime(text, locale) === false ? format(common.TimeInvalid, formatLocaleTime('14:30', locale)) : undefined;
}
