/** A B.E. date input (dd/mm/bbbb) for report screens, with its Thai error; the ISO date when valid. */
import { useState } from 'preact/hooks';
import { bangkokDateOf, formatBeDate, parseBeDate, type IsoDate } from '../../domain/thaiDate';
import { describedBy, Field } from '../Field';

export function useBeDate(initialIso: IsoDate = bangkokDateOf(Date.now())): { text: string; setText: (t: string) => void; iso: IsoDate | undefined; errorTh: string | undefined } {
  const [text, setText] = useState(() => formatBeDate(initialIso));
  const parsed = parseBeDate(text);
  return { text, setText, iso: parsed.ok ? parsed.iso : undefined, errorTh: parsed.ok ? undefined : parsed.messageTh };
}

/** A labelled numeric text input typed in B.E. (a date or a month), its error under it. */
export function BeTextField({ id, label, placeholder, text, setText, errorTh }: { id: string; label: string; placeholder: string; text: string; setText: (t: string) => void; errorTh: string | undefined }) {
  return (
    <Field id={id} label={label} error={errorTh} errorTestId={`${id}-error`}>
      <input
        id={id}
        data-testid={id}
        type="text"
        inputMode="numeric"
        autocomplete="off"
        placeholder={placeholder}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
        {...describedBy(id, errorTh)}
      />
    </Field>
  );
}

export function BeDateField({ id, label, date }: { id: string; label: string; date: ReturnType<typeof useBeDate> }) {
  return <BeTextField id={id} label={label} placeholder="16/01/2567" text={date.text} setText={date.setText} errorTh={date.errorTh} />;
}
