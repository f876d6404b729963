import type { Conversation, UserSummary } from '@innenhof/contract';
import { Limits } from '@innenhof/contract';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PeoplePicker } from '../../../components/people-picker.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useAddMembers, useRemoveMember, useRenameConversation, useSetConversationPhoto } from '../api/conversation-actions.ts';

/**
 * Group chat settings: name, photo, members (add / remove) and leaving. Leaving asks first, in the same
 * dialog (closing one modal to open another would close both: the first one's close ends the settings).
 */
export function ChatSettingsDialog({
  conversation,
  meId,
  open,
  onClose,
  onLeft,
}: {
  conversation: Conversation;
  meId: string;
  open: boolean;
  onClose: () => void;
  onLeft: () => void;
}) {
  const { t } = useTranslation('chat');
  const id = useId();
  const rename = useRenameConversation();
  const photo = useSetConversationPhoto();
  const add = useAddMembers();
  const remove = useRemoveMember();
  const [title, setTitle] = useState(conversation.title ?? '');
  const [adding, setAdding] = useState<UserSummary[]>([]);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const [saved, setSaved] = useState(false);
  const leaveRef = useRef<HTMLButtonElement>(null);
  const cancelLeaveRef = useRef<HTMLButtonElement>(null);
  const askedLeave = useRef(false);
  const a = conversation.abilities;

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens.
  useEffect(() => {
    if (open) {
      setTitle(conversation.title ?? '');
      setAdding([]);
      setSaved(false);
      setConfirmLeave(false);
      askedLeave.current = false;
      rename.reset();
      photo.reset();
      add.reset();
      remove.reset();
    }
  }, [open]);

  // The question gets the focus; "Cancel" gives it back to "Leave chat".
  useEffect(() => {
    if (confirmLeave) cancelLeaveRef.current?.focus();
    else if (askedLeave.current) leaveRef.current?.focus();
  }, [confirmLeave]);

  const close = () => {
    setConfirmLeave(false);
    onClose();
  };

  const memberIds = new Set(conversation.members.map((m) => m.id));
  const submitTitle = (event: FormEvent) => {
    event.preventDefault();
    const value = title.trim();
    if (!value || value === conversation.title) return;
    rename.mutate({ conversationId: conversation.id, title: value }, { onSuccess: () => setSaved(true) });
  };

  return (
    <Dialog open={open} title={confirmLeave ? t('settings.leaveTitle') : t('settings.title')} onClose={close}>
      {confirmLeave ? (
        <>
          <p>{t('settings.leaveText')}</p>
          {remove.isError ? <Alert tone="error">{errorMessage(t, remove.error)}</Alert> : null}
          <div className="form__actions">
            <button ref={cancelLeaveRef} type="button" className="button" onClick={() => setConfirmLeave(false)}>
              {t('common:cancel')}
            </button>
            <button
              type="button"
              className="button button--danger"
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(
                  { conversationId: conversation.id, userId: meId, leaving: true },
                  {
                    onSuccess: () => {
                      close();
                      onLeft();
                    },
                  },
                )
              }
            >
              {t('settings.leaveConfirm')}
            </button>
          </div>
        </>
      ) : (
        <div className="stack chat-settings">
          {a.rename ? (
            <form className="stack" onSubmit={submitTitle}>
              <label htmlFor={`${id}-title`} className="field__label">
                {t('settings.name')}
              </label>
              <div className="chat-settings__row">
                <input
                  id={`${id}-title`}
                  className="input"
                  value={title}
                  maxLength={80}
                  onChange={(e) => {
                    setTitle(e.target.value);
                    setSaved(false);
                  }}
                />
                <button type="submit" className="button" disabled={rename.isPending || !title.trim() || title.trim() === conversation.title}>
                  {t('settings.rename')}
                </button>
              </div>
              {saved ? <p className="small muted">{t('settings.renamed')}</p> : null}
              {rename.isError ? <Alert tone="error">{errorMessage(t, rename.error)}</Alert> : null}
            </form>
          ) : null}

          {a.setPhoto ? (
            <div className="stack">
              <span className="field__label" id={`${id}-photo-label`}>
                {t('settings.photo')}
              </span>
              <div className="chat-settings__row">
                {conversation.photo ? (
                  <Avatar user={{ name: conversation.title ?? '', avatar: conversation.photo, initialsAvatarUrl: '' }} size="md" alt="" />
                ) : null}
                <label className="button" htmlFor={`${id}-photo`}>
                  {photo.isPending ? t('common:loading') : t('settings.changePhoto')}
                </label>
                <input
                  id={`${id}-photo`}
                  className="visually-hidden"
                  type="file"
                  accept="image/*"
                  aria-labelledby={`${id}-photo-label`}
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    if (file) photo.mutate({ conversationId: conversation.id, file });
                    e.target.value = '';
                  }}
                />
              </div>
              {photo.isError ? <Alert tone="error">{errorMessage(t, photo.error)}</Alert> : null}
            </div>
          ) : null}

          <section className="stack" aria-labelledby={`${id}-members`}>
            <h3 id={`${id}-members`} className="chat-settings__heading">
              {t('members', { count: conversation.memberCount })}
            </h3>
            <ul className="plain-list chat-settings__members">
              {conversation.members.map((m) => (
                <li key={m.id} className="chat-settings__member">
                  <Avatar user={m} size="xs" alt="" />
                  <span className="chat-settings__member-name">
                    {m.name}
                    {m.id === conversation.createdBy ? <span className="muted small"> · {t('settings.creator')}</span> : null}
                    {m.id === meId ? <span className="muted small"> · {t('settings.you')}</span> : null}
                  </span>
                  {a.removeMembers && m.id !== meId ? (
                    <button
                      type="button"
                      className="button button--small"
                      disabled={remove.isPending}
                      onClick={() => remove.mutate({ conversationId: conversation.id, userId: m.id })}
                    >
                      {t('settings.remove')}
                      <span className="visually-hidden"> {m.name}</span>
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
            {remove.isError ? <Alert tone="error">{errorMessage(t, remove.error)}</Alert> : null}
          </section>

          {a.addMembers ? (
            <form
              className="stack"
              onSubmit={(e) => {
                e.preventDefault();
                if (!adding.length) return;
                add.mutate({ conversationId: conversation.id, userIds: adding.map((p) => p.id) }, { onSuccess: () => setAdding([]) });
              }}
            >
              <PeoplePicker
                label={t('settings.addPeople')}
                value={adding}
                onChange={(people) => setAdding(people.filter((p) => !memberIds.has(p.id)))}
                max={Limits.chatMembersMax - conversation.memberCount}
                excludeId={meId}
              />
              {adding.length ? (
                <button type="submit" className="button button--primary" disabled={add.isPending}>
                  {t('settings.add', { count: adding.length })}
                </button>
              ) : null}
              {add.isError ? <Alert tone="error">{errorMessage(t, add.error)}</Alert> : null}
            </form>
          ) : null}

          {a.leave ? (
            <div className="form__actions">
              <button
                ref={leaveRef}
                type="button"
                className="button button--danger"
                onClick={() => {
                  askedLeave.current = true;
                  setConfirmLeave(true);
                }}
              >
                {t('settings.leave')}
              </button>
            </div>
          ) : null}
        </div>
      )}
    </Dialog>
  );
}
