import type { ReactNode } from 'react';

interface ListEditorProps<T extends { uid: string }> {
  /** The group's legend ("Roles"). */
  legend: string;
  items: T[];
  onChange: (items: T[]) => void;
  /** A fresh item for "Add …". */
  create: () => T;
  /** The legend of one item ("Role 2: Customer"). */
  itemLegend: (item: T, index: number) => string;
  /** "Add role". */
  addLabel: string;
  /** "Remove role 2: Customer" (a clear name for each remove button). */
  removeLabel: (item: T, index: number) => string;
  max: number;
  min?: number;
  /** A problem with the list itself (too few / too many). */
  error?: string | undefined;
  hint?: ReactNode;
  /** The fields of one item; `update` merges a change into it. */
  children: (item: T, index: number, update: (patch: Partial<T>) => void) => ReactNode;
}

/**
 * The one add/remove scaffolding of the scenario editor (roles, goals, injects, rubric criteria): a fieldset with a
 * legend for the list, one fieldset with a legend per item, remove buttons naming the item, and an add button.
 */
export function ListEditor<T extends { uid: string }>({
  legend,
  items,
  onChange,
  create,
  itemLegend,
  addLabel,
  removeLabel,
  max,
  min = 0,
  error,
  hint,
  children,
}: ListEditorProps<T>) {
  const update = (index: number) => (patch: Partial<T>) => onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  return (
    <fieldset className="fieldset ws-list-editor">
      <legend>{legend}</legend>
      {hint ? <p className="small muted">{hint}</p> : null}
      {items.map((item, index) => (
        <fieldset key={item.uid} className="fieldset ws-list-editor__item">
          <legend>{itemLegend(item, index)}</legend>
          {children(item, index, update(index))}
          <div className="ws-buttons">
            <button type="button" className="button button--small" disabled={items.length <= min} onClick={() => onChange(items.filter((_, i) => i !== index))}>
              {removeLabel(item, index)}
            </button>
          </div>
        </fieldset>
      ))}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="ws-buttons">
        <button type="button" className="button" disabled={items.length >= max} onClick={() => onChange([...items, create()])}>
          {addLabel}
        </button>
      </div>
    </fieldset>
  );
}
