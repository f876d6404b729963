import { Limits } from '@innenhof/contract';
import { type KeyboardEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IconClose } from '../../../components/ui/icons.tsx';

interface SkillsEditorProps {
  value: string[];
  onChange: (skills: string[]) => void;
  error?: string | undefined;
}

/** "Ask me about" chips: type and press Enter (or comma) to add, the × button removes. */
export function SkillsEditor({ value, onChange, error }: SkillsEditorProps) {
  const { t } = useTranslation('people');
  const id = useId();
  const [text, setText] = useState('');
  const full = value.length >= Limits.skillsMax;

  function add() {
    const skill = text.trim().replace(/,$/, '').trim().slice(0, Limits.skillMax);
    if (skill && !full && !value.some((s) => s.toLowerCase() === skill.toLowerCase())) onChange([...value, skill]);
    setText('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add();
    } else if (event.key === 'Backspace' && !text && value.length) {
      onChange(value.slice(0, -1));
    }
  }

  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {t('fields.skills')}
      </label>
      {value.length ? (
        <ul className="chips" aria-label={t('fields.skills')}>
          {value.map((skill) => (
            <li key={skill} className="chip">
              {skill}
              <button type="button" className="chip__remove" onClick={() => onChange(value.filter((s) => s !== skill))}>
                <IconClose width={14} height={14} />
                <span className="visually-hidden">{t('edit.removeSkill', { skill })}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="input-row">
        <input
          id={id}
          className="input"
          value={text}
          maxLength={Limits.skillMax}
          disabled={full}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="button" onClick={add} disabled={full || !text.trim()}>
          {t('edit.addSkill')}
        </button>
      </div>
      <p className="field__hint" id={`${id}-hint`}>
        {t('edit.skillsHint', { count: Limits.skillsMax })}
      </p>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
