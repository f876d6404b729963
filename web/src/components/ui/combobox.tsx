import { type ReactNode, useId, useRef, useState } from 'react';

export interface ComboboxProps<T> {
  label: string;
  /** Visually hide the label (it is still read by screen readers). */
  hideLabel?: boolean;
  value: string;
  onValueChange: (value: string) => void;
  options: T[];
  getKey: (option: T) => string;
  renderOption: (option: T) => ReactNode;
  onSelect: (option: T) => void;
  /** Enter without an active option (e.g. "show all results"). */
  onSubmit?: (value: string) => void;
  placeholder?: string;
  /** Shown in the popup when there are no options but a query (e.g. "No one found"). */
  emptyText?: string;
  loading?: boolean;
  loadingText?: string;
  icon?: ReactNode;
  className?: string;
  inputClassName?: string;
  footer?: ReactNode;
}

/** ARIA 1.2 combobox with a listbox popup: arrow keys move, Enter picks, Escape closes. */
export function Combobox<T>({
  label,
  hideLabel,
  value,
  onValueChange,
  options,
  getKey,
  renderOption,
  onSelect,
  onSubmit,
  placeholder,
  emptyText,
  loading,
  loadingText,
  icon,
  className,
  inputClassName,
  footer,
}: ComboboxProps<T>) {
  const id = useId();
  const listId = `${id}-list`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const showPopup = open && value.trim().length > 0;
  const activeOption = active >= 0 ? options[active] : undefined;

  function choose(option: T) {
    setOpen(false);
    setActive(-1);
    onSelect(option);
  }

  return (
    <div className={`combobox${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field__label'}>
        {label}
      </label>
      <div className="combobox__control">
        {icon ? <span className="combobox__icon">{icon}</span> : null}
        <input
          ref={inputRef}
          id={id}
          className={`input combobox__input${inputClassName ? ` ${inputClassName}` : ''}`}
          type="search"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={showPopup}
          aria-controls={listId}
          aria-activedescendant={showPopup && activeOption ? `${id}-opt-${getKey(activeOption)}` : undefined}
          placeholder={placeholder}
          value={value}
          onChange={(event) => {
            onValueChange(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              setOpen(true);
              setActive((i) => (options.length ? (i + 1) % options.length : -1));
            } else if (event.key === 'ArrowUp') {
              event.preventDefault();
              setActive((i) => (options.length ? (i <= 0 ? options.length - 1 : i - 1) : -1));
            } else if (event.key === 'Enter') {
              if (showPopup && activeOption) {
                event.preventDefault();
                choose(activeOption);
              } else if (onSubmit) {
                event.preventDefault();
                setOpen(false);
                onSubmit(value);
              }
            } else if (event.key === 'Escape') {
              if (showPopup) {
                event.preventDefault();
                setOpen(false);
              }
            }
          }}
        />
      </div>
      <div className="combobox__popup" hidden={!showPopup}>
        <div id={listId} role="listbox" aria-label={label} className="combobox__list">
          {options.map((option, index) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the input handles the keys (aria-activedescendant pattern)
            <div
              key={getKey(option)}
              tabIndex={-1}
              id={`${id}-opt-${getKey(option)}`}
              role="option"
              aria-selected={index === active}
              className={`combobox__option${index === active ? ' combobox__option--active' : ''}`}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option)}
            >
              {renderOption(option)}
            </div>
          ))}
        </div>
        {showPopup && options.length === 0 ? <p className="combobox__empty">{loading ? loadingText : emptyText}</p> : null}
        {showPopup && footer ? <div className="combobox__footer">{footer}</div> : null}
      </div>
    </div>
  );
}
