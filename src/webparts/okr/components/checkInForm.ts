import type { KeyResult, KeyResultCheckIn } from '../../../model/portfolio';
import type { NewItem } from '../../../model/common';
import type { FormErrorsOf } from '../../../components/useEditForm';
import { formatLocaleNumber, parseLocaleNumber } from '../../../components/localeNumber';
import { formatIsoShort } from '../../../components/dates';
import { format, isIsoDate } from '../../../components/text';

/** The check-in form as typed: numbers and the date in the page's language (README "Forms"). */
export interface CheckInForm { date: string | undefined; value: string; confidence: string; comment: string }

/** A new check-in starts from today and the key result's current value and confidence. */
export function formOfCheckIn(kr: KeyResult, today: string, locale: string): CheckInForm {
  return {
    date: today,
    value: kr.current === undefined ? '' : formatLocaleNumber(kr.current, locale, 4),
    confidence: kr.confidence === undefined ? '' : formatLocaleNumber(kr.confidence, locale, 0),
    comment: ''
  };
}

/** Field messages before anything is sent, and the check-in when there are none; nothing typed is changed. */
export function validateCheckInForm(f: CheckInForm, kr: KeyResult, s: IOkrWebPartStrings, locale: string): { errors: FormErrorsOf<CheckInForm>; value?: NewItem<KeyResultCheckIn> } {
  const errors: FormErrorsOf<CheckInForm> = {};
  if (!f.date) errors.date = s.Required;
  else if (!isIsoDate(f.date)) errors.date = format(s.InvalidDate, formatIsoShort('2027-01-15', locale));
  const value = f.value.trim() ? parseLocaleNumber(f.value, locale) : undefined;
  if (!f.value.trim()) errors.value = s.Required;
  else if (value === undefined || Number.isNaN(value)) errors.value = s.NotANumber;
  const confidence = f.confidence.trim() ? parseLocaleNumber(f.confidence, locale) : undefined;
  if (f.confidence.trim() && (confidence === undefined || Number.isNaN(confidence) || !Number.isInteger(confidence) || confidence < 0 || confidence > 100)) {
    errors.confidence = format(s.NumberRange, 0, 100);
  }
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    value: {
      keyResult: { id: kr.id, title: kr.title }, checkInDate: f.date as string, value: value as number,
      confidence, comment: f.comment.trim() || undefined
    }
  };
}
