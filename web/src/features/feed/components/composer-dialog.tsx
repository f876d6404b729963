import { type CreatePost, type GroupSummary, Limits, type PostAttachment } from '@innenhof/contract';
import { type MouseEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmojiButton } from '../../../components/emoji-button.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { IconAlert, IconImage } from '../../../components/ui/icons.tsx';
import { FileInput, UploadPreviews } from '../../../components/upload-previews.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { renderMarkdown } from '../../../lib/markdown.ts';
import { useCompany, useMe } from '../../../lib/session.ts';
import { uploadFile } from '../../../lib/upload-file.ts';
import { useUploads } from '../../../lib/use-uploads.ts';
import { useMyGroups } from '../api/my-groups.ts';
import { useCreatePost } from '../api/post-actions.ts';
import {
  buildPoll,
  firstInvalidField,
  newPollDraft,
  type PollDraft,
  type PollErrors,
  PollFields,
  PollToggle,
  serverPollErrors,
} from '../../polls/components/poll-fields.tsx';
import { keptMentions, type Mention, MentionTextarea } from './mention-textarea.tsx';

/** Wraps the selection in markdown marks (or inserts them around a placeholder), keeping the caret sensible. */
function wrapSelection(el: HTMLTextAreaElement, value: string, before: string, after: string): { text: string; start: number; end: number } {
  const start = el.selectionStart;
  const end = el.selectionEnd;
  const selected = value.slice(start, end);
  const text = value.slice(0, start) + before + selected + after + value.slice(end);
  return { text, start: start + before.length, end: end + before.length };
}

function prefixLines(el: HTMLTextAreaElement, value: string, prefix: string): { text: string; start: number; end: number } {
  const lineStart = value.lastIndexOf('\n', el.selectionStart - 1) + 1;
  const end = el.selectionEnd;
  const block = value.slice(lineStart, end) || '';
  const changed = block
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
  const text = value.slice(0, lineStart) + changed + value.slice(end);
  return { text, start: lineStart + changed.length, end: lineStart + changed.length };
}

/** The post editor: audience (always visible, with who will see it), text with light formatting, @mentions, emoji, files. */
export function ComposerDialog({
  group,
  prompt,
  pickFiles,
  startPoll,
  onClose,
}: {
  group?: GroupSummary;
  prompt: string;
  pickFiles: boolean;
  startPoll?: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('feed');
  const me = useMe();
  const id = useId();
  const groups = useMyGroups();
  const create = useCreatePost();
  const company = useCompany();
  const uploads = useUploads<PostAttachment>({
    upload: (file, onProgress) => uploadFile<PostAttachment>('/posts/attachments', file, onProgress),
    maxMb: company.data?.postAttachmentMaxMb ?? Limits.chatAttachmentMbDefault,
    maxFiles: Limits.postAttachmentsMax,
    namespace: 'feed',
  });
  const [audience, setAudience] = useState<string>(group ? group.id : 'profile');
  const [body, setBody] = useState('');
  const [mentions, setMentions] = useState<Mention[]>([]);
  const [mode, setMode] = useState<'write' | 'preview'>('write');
  const [requiresConfirmation, setRequiresConfirmation] = useState(false);
  const [featuredUntil, setFeaturedUntil] = useState('');
  const [poll, setPoll] = useState<PollDraft | null>(() => (startPoll ? newPollDraft() : null));
  const [pollErrors, setPollErrors] = useState<PollErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    requestAnimationFrame(() => {
      if (pickFiles) fileRef.current?.click();
      else if (startPoll) formRef.current?.querySelector<HTMLInputElement>('.poll-fields input:not([type="radio"])')?.focus();
      else textRef.current?.focus();
    });
  }, [pickFiles, startPoll]);

  const postable = (groups.data?.items ?? []).filter((g) => g.abilities.post && !g.archived);
  // The current group is an option even before the list has loaded.
  const options = group && !postable.some((g) => g.id === group.id) ? [group, ...postable] : postable;
  const canAnnounce = me.abilities.announce;
  const selectedGroup = options.find((g) => g.id === audience) ?? null;
  const isCompany = audience === 'company';
  // Announcements go to the company (admins, the communications team) or to a group its owners and moderators run.
  const announcing = isCompany || Boolean(selectedGroup?.abilities.announce);

  const canPost = !uploads.busy && !create.isPending && (poll !== null || body.trim().length > 0 || uploads.done.length > 0);

  const apply = (change: { text: string; start: number; end: number }) => {
    setBody(change.text);
    requestAnimationFrame(() => {
      const el = textRef.current;
      if (el) {
        el.focus();
        el.setSelectionRange(change.start, change.end);
      }
    });
  };
  const format = (kind: 'bold' | 'italic' | 'list' | 'quote') => {
    const el = textRef.current;
    if (!el) return;
    if (kind === 'bold') apply(wrapSelection(el, body, '**', '**'));
    else if (kind === 'italic') apply(wrapSelection(el, body, '_', '_'));
    else apply(prefixLines(el, body, kind === 'list' ? '- ' : '> '));
  };

  const insertEmoji = (emoji: string) => {
    const el = textRef.current;
    const start = el ? el.selectionStart : body.length;
    const end = el ? el.selectionEnd : body.length;
    apply({ text: body.slice(0, start) + emoji + body.slice(end), start: start + emoji.length, end: start + emoji.length });
  };

  const submit = () => {
    if (!canPost) return;
    const text = body.trim();
    const input: CreatePost = {
      audience: isCompany ? { kind: 'company' } : audience === 'profile' ? { kind: 'profile' } : { kind: 'group', groupId: audience },
      body: text,
      mentions: keptMentions(text, mentions).map((m) => m.id),
      attachmentIds: uploads.done.map((a) => a.id),
    };
    if (poll) {
      const built = buildPoll(poll);
      setPollErrors(built.errors);
      if (!built.poll) {
        requestAnimationFrame(() => firstInvalidField(formRef.current));
        return;
      }
      input.poll = built.poll;
    }
    if (announcing && (requiresConfirmation || featuredUntil)) {
      input.announcement = { requiresConfirmation, featuredUntil: featuredUntil ? new Date(`${featuredUntil}T23:59:59`).toISOString() : null };
    }
    create.mutate(input, {
      onSuccess: () => {
        uploads.clear();
        onClose();
      },
      // The server names the field of a poll problem: show it there.
      onError: (error) => {
        const fromServer = serverPollErrors(error, poll);
        if (Object.keys(fromServer).length) {
          setPollErrors(fromServer);
          requestAnimationFrame(() => firstInvalidField(formRef.current));
        }
      },
    });
  };

  const previewHtml = useMemo(() => (mode === 'preview' ? renderMarkdown(body, keptMentions(body, mentions), { hashtags: true }) : ''), [mode, body, mentions]);
  const showMode = (next: 'write' | 'preview') => {
    setMode(next);
    if (next === 'write') requestAnimationFrame(() => textRef.current?.focus());
  };
  // In the preview, @mentions and #hashtags are shown as they will be, but do not leave the unsaved draft.
  const onPreviewClick = (event: MouseEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).closest('a.mention, a.hashtag')) event.preventDefault();
  };

  const today = new Date().toISOString().slice(0, 10);
  return (
    <Dialog open wide title={t('composer.title')} onClose={onClose}>
      <form
        ref={formRef}
        className="post-editor"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="post-editor__who">
          <Avatar user={me.user} size="sm" alt="" />
          <div className="post-editor__audience">
            <span className="post-editor__name">{me.user.name}</span>
            <label htmlFor={`${id}-audience`} className="visually-hidden">
              {t('audience.label')}
            </label>
            <select id={`${id}-audience`} className="input input--small" value={audience} onChange={(e) => setAudience(e.target.value)}>
              <option value="profile">{t('audience.profile')}</option>
              {options.length ? (
                <optgroup label={t('audience.groups')}>
                  {options.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.name}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {canAnnounce ? <option value="company">{t('audience.company')}</option> : null}
            </select>
          </div>
        </div>
        <p className="post-editor__visible small" id={`${id}-visible`}>
          {isCompany
            ? t('audience.visibleCompany')
            : selectedGroup
              ? t('audience.visibleGroup', { count: selectedGroup.memberCount, group: selectedGroup.name })
              : t('audience.visibleProfile')}
        </p>
        {selectedGroup?.hasGuests ? (
          <p className="post-editor__warning small" role="note">
            <IconAlert width={16} height={16} /> {t('audience.guests')}
          </p>
        ) : null}

        <fieldset className="confirm-tabs">
          <legend className="visually-hidden">{t('common:editor.mode')}</legend>
          <button type="button" className="button button--small" aria-pressed={mode === 'write'} onClick={() => showMode('write')}>
            {t('common:editor.write')}
          </button>
          <button type="button" className="button button--small" aria-pressed={mode === 'preview'} onClick={() => showMode('preview')}>
            {t('common:editor.preview')}
          </button>
        </fieldset>
        <div className="post-editor__toolbar" role="toolbar" aria-label={t('composer.formatting')} hidden={mode === 'preview'}>
          <button type="button" className="icon-button post-editor__tool" onClick={() => format('bold')} title={t('composer.bold')}>
            <strong aria-hidden="true">B</strong>
            <span className="visually-hidden">{t('composer.bold')}</span>
          </button>
          <button type="button" className="icon-button post-editor__tool" onClick={() => format('italic')} title={t('composer.italic')}>
            <em aria-hidden="true">I</em>
            <span className="visually-hidden">{t('composer.italic')}</span>
          </button>
          <button type="button" className="icon-button post-editor__tool" onClick={() => format('list')} title={t('composer.list')}>
            <span aria-hidden="true">•≡</span>
            <span className="visually-hidden">{t('composer.list')}</span>
          </button>
          <button type="button" className="icon-button post-editor__tool" onClick={() => format('quote')} title={t('composer.quote')}>
            <span aria-hidden="true">❝</span>
            <span className="visually-hidden">{t('composer.quote')}</span>
          </button>
        </div>
        <div hidden={mode === 'preview'}>
          <MentionTextarea
            value={body}
            onChange={setBody}
            onMention={(m) => setMentions((list) => [...list, m])}
            label={t('composer.textLabel')}
            placeholder={prompt}
            rows={5}
            maxLength={20000}
            textareaRef={textRef}
            className="post-editor__text"
            meId={me.user.id}
            groupId={selectedGroup?.id ?? null}
            onPaste={uploads.onPaste}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                submit();
              }
            }}
          />
        </div>
        {mode === 'preview' ? (
          body.trim() ? (
            // biome-ignore lint/a11y/useKeyWithClickEvents: only keeps the links inside from navigating away.
            // biome-ignore lint/a11y/noStaticElementInteractions: the same.
            <div
              className="md post__body post-editor__text"
              onClick={onPreviewClick}
              // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized by DOMPurify to a small allowlist (lib/markdown.ts).
              dangerouslySetInnerHTML={{ __html: previewHtml }}
            />
          ) : (
            <p className="post-editor__text muted">{t('common:editor.empty')}</p>
          )
        ) : null}
        <p className="muted small">{t('composer.hint')}</p>
        {poll ? (
          <PollFields
            draft={poll}
            errors={pollErrors}
            onChange={setPoll}
            onRemove={() => {
              setPoll(null);
              setPollErrors({});
            }}
          />
        ) : null}

        {uploads.notice ? <Alert tone="error">{uploads.notice}</Alert> : null}
        <UploadPreviews uploads={uploads} layout="tiles" />

        {announcing ? (
          <fieldset className="post-editor__announce">
            <legend>{t('announcement.options')}</legend>
            <label className="checkbox">
              <input type="checkbox" checked={requiresConfirmation} onChange={(e) => setRequiresConfirmation(e.target.checked)} />
              {t('announcement.askConfirm')}
            </label>
            <div className="field">
              <label htmlFor={`${id}-featured`}>{t('announcement.featureUntil')}</label>
              <input id={`${id}-featured`} type="date" className="input" min={today} value={featuredUntil} onChange={(e) => setFeaturedUntil(e.target.value)} />
            </div>
          </fieldset>
        ) : null}

        <div className="post-editor__add">
          <span className="small">{t('composer.addToPost')}</span>
          <FileInput inputRef={fileRef} onFiles={uploads.add} />
          <button
            type="button"
            className="icon-button post-editor__tool"
            disabled={uploads.full}
            onClick={() => fileRef.current?.click()}
            title={t('attach.button')}
          >
            <IconImage width={22} height={22} className="composer-box__photo" />
            <span className="visually-hidden">{t('attach.button')}</span>
          </button>
          <PollToggle
            className="icon-button post-editor__tool"
            active={poll !== null}
            onToggle={() => {
              setPoll((p) => (p ? null : newPollDraft()));
              setPollErrors({});
            }}
          />
          <EmojiButton
            label={t('composer.emoji')}
            block="post-editor__emoji"
            toolClass="post-editor__tool"
            iconSize={22}
            onPick={insertEmoji}
            onClose={() => textRef.current?.focus()}
          />
        </div>

        {create.isError ? <Alert tone="error">{errorMessage(t, create.error)}</Alert> : null}
        <button type="submit" className="button button--primary button--block" disabled={!canPost}>
          {create.isPending ? t('composer.posting') : t('composer.post')}
        </button>
      </form>
    </Dialog>
  );
}
