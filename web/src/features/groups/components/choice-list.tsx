import type { ReactNode } from 'react';

export interface Choice<T extends string> {
  value: T;
  label: ReactNode;
  hint: ReactNode;
  disabled?: boolean;
}

/** Radio buttons with a one-line explanation under each choice, in a fieldset with a legend. */
export function ChoiceList<T extends string>({
  legend,
  name,
  value,
  choices,
  onChange,
  hint,
}: {
  legend: ReactNode;
  name: string;
  value: T;
  choices: Choice<T>[];
  onChange: (value: T) => void;
  hint?: ReactNode;
}) {
  return (
    <fieldset className="fieldset">
      <legend className="field__label">{legend}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      <div className="choice-list">
        {choices.map((choice) => (
          <label key={choice.value} className="choice">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              disabled={choice.disabled}
              onChange={() => onChange(choice.value)}
            />
            <span className="choice__text">
              <span className="choice__label">{choice.label}</span>
              <span className="choice__hint">{choice.hint}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
