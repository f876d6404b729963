import type { WorkshopLanguage, WorkshopScenario } from '@innenhof/contract';
import { WorkshopLimits } from '@innenhof/contract';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/field.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useScenario } from '../api/get-scenario.ts';
import { useDirectoryTopics } from '../api/list-topics.ts';
import { useSaveScenario } from '../api/save-scenario.ts';
import { errorsByPath } from '../lib/errors-by-path.ts';
import {
  type CriterionDraft,
  definitionOf,
  draftOf,
  emptyCriterion,
  emptyInject,
  emptyRole,
  type InjectDraft,
  newDraft,
  type RoleDraft,
  type ScenarioDraft,
  uid,
} from '../lib/scenario-form.ts';
import { ListEditor } from './list-editor.tsx';

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/**
 * "New scenario" / "Edit scenario": the whole definition of a custom scenario in one large dialog. The server
 * validates; its problems show at the field they name.
 */
export function ScenarioEditor({
  scenario: listed,
  language,
  builtinRubric,
  onClose,
}: {
  /** Absent: a new scenario. */
  scenario?: WorkshopScenario;
  language: WorkshopLanguage;
  builtinRubric: CriterionDraft[];
  onClose: () => void;
}) {
  const { t } = useTranslation('workshops');
  // Lists never carry the secret briefings: edit what the scenario itself says now.
  const loaded = useScenario(listed?.id ?? null, listed?.language ?? language);
  return (
    <Dialog open title={listed ? t('editor.editTitle', { title: listed.title }) : t('editor.newTitle')} onClose={onClose} wide>
      {!listed ? (
        <EditorForm language={language} builtinRubric={builtinRubric} onClose={onClose} />
      ) : loaded.data ? (
        <EditorForm scenario={loaded.data} language={language} builtinRubric={builtinRubric} onClose={onClose} />
      ) : loaded.error ? (
        <Alert tone="error">{errorMessage(t, loaded.error)}</Alert>
      ) : (
        <Spinner />
      )}
    </Dialog>
  );
}

function EditorForm({
  scenario,
  language,
  builtinRubric,
  onClose,
}: {
  scenario?: WorkshopScenario;
  language: WorkshopLanguage;
  builtinRubric: CriterionDraft[];
  onClose: () => void;
}) {
  const { t } = useTranslation('workshops');
  const [draft, setDraft] = useState<ScenarioDraft>(() => (scenario ? draftOf(scenario) : newDraft(language, builtinRubric)));
  const save = useSaveScenario();
  const topics = useDirectoryTopics();
  const errors = errorsByPath(t, save.error);
  const set = (patch: Partial<ScenarioDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const err = (path: string) => errors[path];
  // Problems under a path the editor has no field for (role keys, criterion keys, inject ids) show at the nearest one.
  const errUnder = (path: string) => Object.entries(errors).find(([k]) => k === path || k.startsWith(`${path}.`))?.[1];

  // After a refused save, take the person to the first field the server named.
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (save.error) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [save.error]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { ...(scenario ? { id: scenario.id } : {}), language: draft.language, shared: draft.shared, definition: definitionOf(draft) },
      { onSuccess: onClose },
    );
  };
  const hasFieldErrors = Object.keys(errors).length > 0;
  const roleName = (r: RoleDraft, i: number) => r.name.trim() || t('editor.roleN', { n: i + 1 });

  return (
    <form ref={form} className="form ws-editor" onSubmit={submit} noValidate>
      {hasFieldErrors ? <Alert tone="error">{t('editor.fixFields')}</Alert> : save.error ? <Alert tone="error">{errorMessage(t, save.error)}</Alert> : null}
      <TextField
        label={t('editor.title')}
        value={draft.title}
        maxLength={WorkshopLimits.titleMax}
        onChange={(e) => set({ title: e.target.value })}
        error={err('title')}
      />
      <SelectField
        label={t('editor.language')}
        value={draft.language}
        onChange={(e) => set({ language: e.target.value as WorkshopLanguage })}
        error={err('language')}
      >
        <option value="de">{t('editor.languages.de')}</option>
        <option value="en">{t('editor.languages.en')}</option>
      </SelectField>
      <TextAreaField
        label={t('editor.situation')}
        hint={t('editor.markdownHint')}
        rows={5}
        value={draft.situation}
        maxLength={WorkshopLimits.textMax}
        onChange={(e) => set({ situation: e.target.value })}
        error={err('situation')}
      />
      <fieldset className="fieldset">
        <legend>{t('editor.stage')}</legend>
        <TextField
          label={t('editor.brandName')}
          value={draft.brandName}
          maxLength={WorkshopLimits.shortMax}
          onChange={(e) => set({ brandName: e.target.value })}
          error={errUnder('stage.brandName')}
        />
        <TextAreaField
          label={t('editor.postText')}
          rows={3}
          value={draft.postText}
          maxLength={WorkshopLimits.messageMax}
          onChange={(e) => set({ postText: e.target.value })}
          error={errUnder('stage.postText') ?? (errors.stage ? errors.stage : undefined)}
        />
      </fieldset>

      <ListEditor
        legend={t('editor.roles')}
        items={draft.roles}
        onChange={(roles) => set({ roles })}
        create={() => emptyRole('company')}
        itemLegend={(r, i) => t('editor.roleLegend', { n: i + 1, name: r.name.trim() || '…' })}
        addLabel={t('editor.addRole')}
        removeLabel={(r, i) => t('editor.removeRole', { name: roleName(r, i) })}
        min={2}
        max={WorkshopLimits.rolesMax}
        error={err('roles')}
      >
        {(role, i, update) => (
          <>
            <TextField
              label={t('editor.roleName')}
              value={role.name}
              maxLength={WorkshopLimits.shortMax}
              onChange={(e) => update({ name: e.target.value })}
              error={err(`roles.${i}.name`) ?? errUnder(`roles.${i}.key`)}
            />
            <SelectField
              label={t('editor.side')}
              value={role.side}
              onChange={(e) => update({ side: e.target.value as RoleDraft['side'] })}
              error={err(`roles.${i}.side`)}
            >
              <option value="customer">{t('editor.sides.customer')}</option>
              <option value="company">{t('editor.sides.company')}</option>
            </SelectField>
            <label className="checkbox">
              <input type="checkbox" checked={role.observer} onChange={(e) => update({ observer: e.target.checked })} />
              {t('editor.observer')}
            </label>
            <TextAreaField
              label={t('editor.briefing')}
              hint={t('editor.briefingHint')}
              rows={4}
              value={role.briefing}
              maxLength={WorkshopLimits.textMax}
              onChange={(e) => update({ briefing: e.target.value })}
              error={err(`roles.${i}.briefing`)}
            />
          </>
        )}
      </ListEditor>

      <ListEditor
        legend={t('editor.goals')}
        items={draft.goals}
        onChange={(goals) => set({ goals })}
        create={() => ({ uid: uid(), text: '' })}
        itemLegend={(_, i) => t('editor.goalLegend', { n: i + 1 })}
        addLabel={t('editor.addGoal')}
        removeLabel={(_, i) => t('editor.removeGoal', { n: i + 1 })}
        max={WorkshopLimits.goalsMax}
        error={err('goals')}
      >
        {(goal, i, update) => (
          <TextField
            label={t('editor.goalText')}
            value={goal.text}
            maxLength={1000}
            onChange={(e) => update({ text: e.target.value })}
            error={err(`goals.${i}`)}
          />
        )}
      </ListEditor>

      <fieldset className="fieldset">
        <legend>{t('editor.start')}</legend>
        <p className="small muted">{t('editor.startHint')}</p>
        <div className="ws-editor__row">
          <SelectField
            label={t('editor.weekday')}
            value={draft.weekday}
            onChange={(e) => set({ weekday: e.target.value })}
            error={err('simulatedStart.weekday')}
          >
            {WEEKDAYS.map((d) => (
              <option key={d} value={d}>
                {t(`weekdays.${d}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('editor.time')}
            type="time"
            value={draft.time}
            onChange={(e) => set({ time: e.target.value })}
            error={err('simulatedStart.time')}
          />
          <TextField
            label={t('editor.zone')}
            hint={t('editor.zoneHint')}
            value={draft.zone}
            maxLength={64}
            onChange={(e) => set({ zone: e.target.value })}
            error={err('simulatedStart.zone') ?? err('simulatedStart')}
          />
        </div>
      </fieldset>

      <ListEditor<InjectDraft>
        legend={t('editor.injects')}
        hint={t('editor.injectsHint')}
        items={draft.injects}
        onChange={(injects) => set({ injects })}
        create={emptyInject}
        itemLegend={(_, i) => t('editor.injectLegend', { n: i + 1 })}
        addLabel={t('editor.addInject')}
        removeLabel={(_, i) => t('editor.removeInject', { n: i + 1 })}
        max={WorkshopLimits.injectsMax}
        error={err('injects')}
      >
        {(inject, i, update) => (
          <>
            <TextField
              label={t('editor.afterMinutes')}
              type="number"
              min={0}
              max={1440}
              inputMode="numeric"
              value={inject.afterMinutes}
              onChange={(e) => update({ afterMinutes: e.target.value })}
              error={err(`injects.${i}.afterMinutes`) ?? errUnder(`injects.${i}.id`)}
            />
            <TextAreaField
              label={t('editor.injectText')}
              rows={2}
              value={inject.text}
              maxLength={WorkshopLimits.messageMax}
              onChange={(e) => update({ text: e.target.value })}
              error={err(`injects.${i}.text`)}
            />
            <SelectField
              label={t('editor.target')}
              value={inject.targetRoleUid}
              onChange={(e) => update({ targetRoleUid: e.target.value })}
              error={err(`injects.${i}.targetRoleKey`)}
            >
              <option value="">{t('editor.targetAll')}</option>
              {draft.roles.map((r, ri) => (
                <option key={r.uid} value={r.uid}>
                  {roleName(r, ri)}
                </option>
              ))}
            </SelectField>
            <div className="ws-editor__row">
              <SelectField
                label={t('editor.clockWeekday')}
                value={inject.clockWeekday}
                onChange={(e) => update({ clockWeekday: e.target.value, clockTime: e.target.value && !inject.clockTime ? '22:00' : inject.clockTime })}
                error={err(`injects.${i}.simulatedTime.weekday`)}
              >
                <option value="">{t('editor.clockUnchanged')}</option>
                {WEEKDAYS.map((d) => (
                  <option key={d} value={d}>
                    {t(`weekdays.${d}`)}
                  </option>
                ))}
              </SelectField>
              {inject.clockWeekday ? (
                <TextField
                  label={t('editor.clockTime')}
                  type="time"
                  value={inject.clockTime}
                  onChange={(e) => update({ clockTime: e.target.value })}
                  error={errUnder(`injects.${i}.simulatedTime`)}
                />
              ) : null}
            </div>
          </>
        )}
      </ListEditor>

      <ListEditor<CriterionDraft>
        legend={t('editor.rubric')}
        hint={t('editor.rubricHint')}
        items={draft.rubric}
        onChange={(rubric) => set({ rubric })}
        create={emptyCriterion}
        itemLegend={(c, i) => t('editor.criterionLegend', { n: i + 1, name: c.name.trim() || '…' })}
        addLabel={t('editor.addCriterion')}
        removeLabel={(c, i) => t('editor.removeCriterion', { name: c.name.trim() || t('editor.criterionN', { n: i + 1 }) })}
        min={1}
        max={WorkshopLimits.rubricMax}
        error={err('rubric')}
      >
        {(criterion, i, update) => (
          <>
            <TextField
              label={t('editor.criterionName')}
              value={criterion.name}
              maxLength={WorkshopLimits.shortMax}
              onChange={(e) => update({ name: e.target.value })}
              error={err(`rubric.${i}.name`) ?? errUnder(`rubric.${i}.key`)}
            />
            <TextAreaField
              label={t('editor.criterionDescription')}
              rows={2}
              value={criterion.description}
              maxLength={2000}
              onChange={(e) => update({ description: e.target.value })}
              error={err(`rubric.${i}.description`)}
            />
            {criterion.scale.map((text, s) => (
              <TextField
                // biome-ignore lint/suspicious/noArrayIndexKey: the five scale points are fixed positions.
                key={s}
                label={t('editor.scalePoint', { n: s + 1 })}
                value={text}
                maxLength={1000}
                onChange={(e) => update({ scale: criterion.scale.map((x, j) => (j === s ? e.target.value : x)) as CriterionDraft['scale'] })}
                error={err(`rubric.${i}.scale.${s + 1}`) ?? (s === 0 ? err(`rubric.${i}.scale`) : undefined)}
              />
            ))}
          </>
        )}
      </ListEditor>

      <fieldset className="fieldset">
        <legend>{t('editor.topics')}</legend>
        <p className="small muted">{t('editor.topicsHint')}</p>
        {topics.error ? <Alert tone="error">{errorMessage(t, topics.error)}</Alert> : null}
        {topics.data && !topics.data.items.length ? <p className="small muted">{t('editor.noTopics')}</p> : null}
        {topics.data?.items.map((topic) => (
          <label key={topic.id} className="checkbox">
            <input
              type="checkbox"
              checked={draft.linkedTopicIds.includes(topic.id)}
              onChange={(e) =>
                set({ linkedTopicIds: e.target.checked ? [...draft.linkedTopicIds, topic.id] : draft.linkedTopicIds.filter((id) => id !== topic.id) })
              }
            />
            {topic.title}
          </label>
        ))}
        {errUnder('linkedTopicIds') ? <p className="field__error">{errUnder('linkedTopicIds')}</p> : null}
      </fieldset>

      <label className="checkbox">
        <input type="checkbox" checked={draft.shared} onChange={(e) => set({ shared: e.target.checked })} />
        {t('editor.shared')}
      </label>

      <div className="form__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {scenario ? t('editor.saveChanges') : t('editor.create')}
        </button>
      </div>
    </form>
  );
}
