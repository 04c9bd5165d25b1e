"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { ApiError } from "@/lib/client/api";
import { describeError } from "@/lib/client/error-text";
import { checkKeyframeFile } from "@/lib/client/file-rules";
import { createImage, fetchTask, imageAsKeyframe } from "@/lib/client/generations";
import { outcomeUnknown, SubmissionKeys } from "@/lib/client/idempotency";
import { notify } from "@/lib/client/toast";
import { uploadImage } from "@/lib/client/upload";
import type { ModelOption } from "@/lib/luma/capabilities";
import { refreshBalance } from "@/lib/queries/balance";
import { taskKeys } from "@/lib/queries/tasks";
import { PROMPT_MAX } from "@/lib/shared/generation-input";
import { IMAGE_REFERENCES_MAX } from "@/lib/shared/image-input";
import { isTerminalState, type Task } from "@/lib/shared/task";
import { OnDemandMessages } from "../on-demand-messages";
import { SheetDialog } from "../ui/sheet-dialog";
import type { Slot } from "./use-keyframes";

export interface KeyframeFromTextProps {
  slot: Slot;
  /** The composer's aspect ratio: the picture is made in it, so the clip keeps its shape. */
  aspectRatio: string;
  models: readonly ModelOption[];
  /** The composer's prompt, offered as a start. */
  suggestion: string;
  onDone: (upload: { id: string; url: string }, prompt: string) => void;
  onClose: () => void;
}

const FIELD =
  "w-full rounded-tile border border-line bg-canvas px-3 py-2 text-base text-ink placeholder:text-ink-faint focus-visible:outline-2 focus-visible:outline-accent aria-invalid:border-danger sm:text-sm";

/** How often a picture being made is asked about; the gallery's live feed follows it as well. */
const POLL_MS = 1_000;

/**
 * "Create a keyframe from text": a Photon still made in the composer's aspect ratio, then put in the slot.
 * The image also lands in the gallery (with "Use as start / end keyframe"), so closing the dialog while it
 * is being made loses nothing. Loaded on demand, with its own sentences (messages/parts).
 */
export function KeyframeFromText(props: KeyframeFromTextProps) {
  return (
    <OnDemandMessages namespaces={["Images"]}>
      <FromTextDialog {...props} />
    </OnDemandMessages>
  );
}

function FromTextDialog({ slot, aspectRatio, models, suggestion, onDone, onClose }: KeyframeFromTextProps) {
  const t = useTranslations("Images");
  const translate = useTranslations();
  const queryClient = useQueryClient();
  const ids = `fromtext${useId().replace(/:/g, "")}`;
  const keys = useRef(new SubmissionKeys());
  const [prompt, setPrompt] = useState(suggestion);
  const [model, setModel] = useState(models[0]?.id ?? "");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [imageId, setImageId] = useState<string | null>(null);
  // Optional references: pictures to draw on, and one whose look to take (uploaded like keyframes).
  const [refs, setRefs] = useState<Reference[]>([]);
  const [style, setStyle] = useState<Reference[]>([]);
  const [people, setPeople] = useState<Reference[]>([]);
  const [uploading, setUploading] = useState(false);
  const taken = useRef(false);
  const slotWord = slot === "start" ? t("startSlot") : t("endSlot");

  const image = useQuery({
    queryKey: ["image-for-keyframe", imageId],
    queryFn: ({ signal }) => fetchTask(imageId ?? "", { signal }),
    enabled: imageId !== null,
    refetchInterval: (query) => {
      const state = query.state.data?.state;
      return state && isTerminalState(state) ? false : POLL_MS;
    },
  });
  const made: Task | undefined = image.data;

  // Once the picture is there it becomes an upload (the stored file as it is) and goes into the slot.
  useEffect(() => {
    if (!made || taken.current) return;
    if (made.state === "failed") {
      setBusy(false);
      setProblem(t("failed", { reason: made.failureReason ?? translate("Errors.noReason") }));
      setImageId(null);
      return;
    }
    if (made.state !== "completed" || !made.image) return;
    taken.current = true;
    imageAsKeyframe(made.id)
      .then((upload) => {
        onDone({ id: upload.id, url: upload.url }, made.prompt);
        notify("success", t("ready", { slot: slotWord }));
        onClose();
      })
      .catch((error: unknown) => {
        taken.current = false;
        setBusy(false);
        setImageId(null);
        setProblem(describeError(error, translate));
      });
  }, [made, onDone, onClose, slotWord, t, translate]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The dialog sits in the composer's React tree: its submit must not also submit the composer.
    event.stopPropagation();
    if (busy) return;
    const text = prompt.trim();
    if (text.length < 3) {
      setProblem(t("promptShort", { min: 3 }));
      return;
    }
    if (text.length > PROMPT_MAX) {
      setProblem(t("promptLong", { max: PROMPT_MAX }));
      return;
    }
    setProblem(null);
    setBusy(true);
    const input = {
      prompt: text,
      aspectRatio,
      model: model || undefined,
      imageRefs: refs.length ? refs.map((ref) => ({ uploadId: ref.id })) : undefined,
      styleRef: style[0] ? { uploadId: style[0].id } : undefined,
      characterRefs: people.length ? people.map((ref) => ({ uploadId: ref.id })) : undefined,
    };
    try {
      const task = await createImage(input, keys.current.keyFor(input));
      keys.current.settle();
      void queryClient.invalidateQueries({ queryKey: taskKeys.all });
      refreshBalance(queryClient);
      if (task.state === "failed") {
        setBusy(false);
        setProblem(t("failed", { reason: task.failureReason ?? translate("Errors.noReason") }));
        return;
      }
      setImageId(task.id);
    } catch (error) {
      if (!outcomeUnknown(error)) keys.current.settle();
      setBusy(false);
      setProblem(
        error instanceof ApiError && error.code === "upstream_rejected" && error.upstream
          ? t("failed", { reason: error.upstream })
          : describeError(error, translate),
      );
    }
  };

  const addReferences = async (files: File[], room: number, into: (added: Reference[]) => void) => {
    const picked = files.slice(0, room);
    const refused = picked.map((file) => checkKeyframeFile(file, translate)).find(Boolean);
    if (refused) {
      setProblem(refused);
      return;
    }
    setProblem(files.length > room ? t("refsTooMany", { max: IMAGE_REFERENCES_MAX }) : null);
    setUploading(true);
    try {
      const added = await Promise.all(
        picked.map(async (file) => ({ ...(await uploadImage(file, file.type)), name: file.name })),
      );
      into(added.map(({ id, url, name }) => ({ id, url, name })));
    } catch (error) {
      setProblem(describeError(error, translate));
    } finally {
      setUploading(false);
    }
  };

  const waiting = imageId !== null;
  return (
    <SheetDialog
      onClose={onClose}
      testId="keyframe-from-text"
      width="md"
      closeLabel={t("close")}
      title={t("title", { slot: slotWord })}
      description={t("explain", { ratio: aspectRatio })}
    >
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${ids}-prompt`} className="text-sm font-medium">
            {t("prompt")}
          </label>
          <textarea
            id={`${ids}-prompt`}
            value={prompt}
            rows={3}
            disabled={waiting}
            placeholder={t("promptPlaceholder")}
            aria-invalid={problem ? true : undefined}
            onChange={(event) => setPrompt(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) void submit(event);
            }}
            className={`${FIELD} resize-y`}
          />
        </div>
        {models.length > 1 ? (
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-2 text-sm font-medium">{t("model")}</legend>
            <div className="flex flex-wrap gap-2">
              {models.map((option) => (
                <label
                  key={option.id}
                  className="relative inline-flex h-10 cursor-pointer items-center rounded-full border border-line px-4 text-sm has-checked:border-accent has-checked:bg-accent-soft has-focus-visible:outline-2 has-focus-visible:outline-accent has-disabled:cursor-not-allowed has-disabled:opacity-60"
                >
                  <input
                    type="radio"
                    name={`${ids}-model`}
                    value={option.id}
                    checked={model === option.id}
                    disabled={waiting}
                    onChange={() => setModel(option.id)}
                    className="sr-only"
                  />
                  {option.label}
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
        <div className="flex flex-col gap-3 sm:flex-row sm:gap-6">
          <ReferencePicker
            label={t("refs")}
            hint={t("refsHint", { max: IMAGE_REFERENCES_MAX })}
            pickLabel={t("refsPick")}
            removeLabel={(name) => t("remove", { name })}
            items={refs}
            max={IMAGE_REFERENCES_MAX}
            disabled={waiting || uploading}
            onFiles={(files) =>
              addReferences(files, IMAGE_REFERENCES_MAX - refs.length, (added) =>
                setRefs((now) => [...now, ...added]),
              )
            }
            onRemove={(id) => setRefs((now) => now.filter((ref) => ref.id !== id))}
          />
          <ReferencePicker
            label={t("style")}
            hint={t("styleHint")}
            pickLabel={t("stylePick")}
            removeLabel={(name) => t("remove", { name })}
            items={style}
            max={1}
            disabled={waiting || uploading}
            onFiles={(files) => addReferences(files, 1 - style.length, setStyle)}
            onRemove={() => setStyle([])}
          />
          <ReferencePicker
            label={t("person")}
            hint={t("personHint", { max: IMAGE_REFERENCES_MAX })}
            pickLabel={t("personPick")}
            removeLabel={(name) => t("remove", { name })}
            items={people}
            max={IMAGE_REFERENCES_MAX}
            disabled={waiting || uploading}
            onFiles={(files) =>
              addReferences(files, IMAGE_REFERENCES_MAX - people.length, (added) =>
                setPeople((now) => [...now, ...added]),
              )
            }
            onRemove={(id) => setPeople((now) => now.filter((ref) => ref.id !== id))}
          />
        </div>
        <div aria-live="polite" className="min-h-5 text-sm">
          {waiting ? (
            <div className="flex flex-col gap-2">
              <p className="flex items-center gap-2 text-ink-muted">
                <span
                  aria-hidden="true"
                  className="size-3.5 animate-spin rounded-full border-2 border-line border-t-accent motion-reduce:animate-none"
                />
                {made?.state === "running" ? t("making") : t("queued")}
              </p>
              <p className="text-xs text-ink-muted">{t("staysInGallery")}</p>
            </div>
          ) : null}
        </div>
        {problem ? (
          <p role="alert" className="rounded-tile bg-danger-soft px-3 py-2 text-sm text-danger">
            {problem}
          </p>
        ) : null}
        <div className="sticky -bottom-3 -mx-3 -mb-3 flex items-center justify-end gap-3 border-t border-line bg-surface px-3 py-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] sm:static sm:m-0 sm:border-0 sm:p-0">
          <button
            type="submit"
            disabled={busy || uploading}
            className="inline-flex h-10 items-center rounded-full bg-accent px-5 text-sm font-semibold text-accent-ink shadow-sm hover:bg-accent-hover focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:opacity-60"
          >
            {busy ? t("busy") : t("submit")}
          </button>
        </div>
      </form>
    </SheetDialog>
  );
}

interface Reference {
  id: string;
  url: string;
  name: string;
}

/** A row of reference thumbnails (each removable) and a picker while there is room. */
function ReferencePicker(props: {
  label: string;
  hint: string;
  pickLabel: string;
  removeLabel: (name: string) => string;
  items: readonly Reference[];
  max: number;
  disabled: boolean;
  onFiles: (files: File[]) => void;
  onRemove: (id: string) => void;
}) {
  const { items, max } = props;
  return (
    <fieldset className="m-0 flex min-w-0 flex-1 flex-col gap-1.5 border-0 p-0">
      <legend className="mb-1.5 text-sm font-medium">{props.label}</legend>
      <div className="flex flex-wrap items-center gap-2">
        {items.map((item) => (
          <span key={item.id} className="relative">
            {/* biome-ignore lint/performance/noImgElement: the studio's own stored upload */}
            <img src={item.url} alt={item.name} className="size-12 rounded-tile object-cover" />
            <button
              type="button"
              aria-label={props.removeLabel(item.name)}
              onClick={() => props.onRemove(item.id)}
              className="absolute -top-2 -right-2 grid size-6 place-items-center rounded-full border border-line bg-raised text-ink-muted shadow-sm hover:text-ink focus-visible:outline-2 focus-visible:outline-accent pointer-coarse:size-8"
            >
              <svg
                aria-hidden="true"
                viewBox="0 0 24 24"
                className="size-3"
                fill="none"
                stroke="currentColor"
                strokeWidth="2.4"
              >
                <path d="M6 6l12 12M18 6 6 18" />
              </svg>
            </button>
          </span>
        ))}
        {items.length < max ? (
          <label
            className={`relative grid size-12 place-items-center rounded-tile border border-dashed border-line-strong text-ink-faint hover:border-accent hover:text-ink has-focus-visible:outline-2 has-focus-visible:outline-accent ${props.disabled ? "cursor-not-allowed opacity-50" : "cursor-pointer"}`}
          >
            <input
              type="file"
              accept="image/png,image/jpeg,image/webp"
              multiple={max > 1}
              disabled={props.disabled}
              aria-label={props.pickLabel}
              onChange={(event) => {
                props.onFiles(Array.from(event.target.files ?? []));
                event.target.value = "";
              }}
              className="sr-only"
            />
            <svg
              aria-hidden="true"
              viewBox="0 0 24 24"
              className="size-4"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
            >
              <path d="M12 5v14M5 12h14" />
            </svg>
          </label>
        ) : null}
      </div>
      <p className="text-xs text-ink-muted">{props.hint}</p>
    </fieldset>
  );
}
