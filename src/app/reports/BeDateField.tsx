/** A B.E. date input (dd/mm/bbbb) for report screens, with its Thai error; the ISO date when valid. */
import { useState } from 'preact/hooks';
import { bangkokDateOf, formatBeDate, parseBeDate, type IsoDate } from '../../domain/thaiDate';
import { describedBy, Field } from '../Field';

export function useBeDate(initialIso: IsoDate = bangkokDateOf(Date.now())): { text: string; setText: (t: string) => void; iso: IsoDate | undefined; errorTh: string | undefined } {
  const [text, setText] = useState(() => formatBeDate(initialIso));
  const parsed = parseBeDate(text);
  return { text, setText, iso: parsed.ok ? parsed.iso : undefined, errorTh: parsed.ok ? undefined : parsed.messageTh };
}

export function BeDateField({ id, label, date }: { id: string; label: string; date: ReturnType<typeof useBeDate> }) {
  return (
    <Field id={id} label={label} error={date.errorTh} errorTestId={`${id}-error`}>
      <input
        id={id}
        data-testid={id}
        type="text"
        inputMode="numeric"
        autocomplete="off"
        placeholder="16/01/2567"
        value={date.text}
        onInput={(e) => date.setText(e.currentTarget.value)}
        {...describedBy(id, date.errorTh)}
      />
    </Field>
  );
}
