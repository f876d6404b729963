import type { GroupVisibility, JoinPolicy } from '@innenhof/contract';
import { useTranslation } from 'react-i18next';
import { ChoiceList } from './choice-list.tsx';

const visibilities: GroupVisibility[] = ['public', 'private', 'secret'];
const policies: JoinPolicy[] = ['open', 'request', 'invite'];

/** Visibility and joining, each a radio list with a one-line explanation. Secret groups are joined by invitation only. */
export function PrivacyFields({
  visibility,
  joinPolicy,
  onChange,
}: {
  visibility: GroupVisibility;
  joinPolicy: JoinPolicy;
  onChange: (next: { visibility: GroupVisibility; joinPolicy: JoinPolicy }) => void;
}) {
  const { t } = useTranslation('groups');
  return (
    <>
      <ChoiceList
        legend={t('fields.visibility')}
        name="visibility"
        value={visibility}
        choices={visibilities.map((v) => ({ value: v, label: t(`visibility.${v}.label`), hint: t(`visibility.${v}.hint`) }))}
        onChange={(v) => onChange({ visibility: v, joinPolicy: v === 'secret' ? 'invite' : joinPolicy })}
      />
      <ChoiceList
        legend={t('fields.joinPolicy')}
        name="joinPolicy"
        value={joinPolicy}
        choices={policies.map((p) => ({
          value: p,
          label: t(`joinPolicy.${p}.label`),
          hint: t(`joinPolicy.${p}.hint`),
          disabled: visibility === 'secret' && p !== 'invite',
        }))}
        hint={visibility === 'secret' ? t('joinPolicy.secretHint') : undefined}
        onChange={(p) => onChange({ visibility, joinPolicy: p })}
      />
    </>
  );
}
