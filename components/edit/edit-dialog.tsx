"use client";

import { type InfiniteData, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useRef, useState } from "react";
import { ApiError } from "@/lib/client/api";
import { describeError } from "@/lib/client/error-text";
import { checkKeyframeFile } from "@/lib/client/file-rules";
import { type EditSubmit, editGeneration } from "@/lib/client/generations";
import { outcomeUnknown, SubmissionKeys } from "@/lib/client/idempotency";
import { notify } from "@/lib/client/toast";
import { uploadImage } from "@/lib/client/upload";
import { MODIFY_MODES, type ModifyMode } from "@/lib/luma/types";
import { refreshBalance } from "@/lib/queries/balance";
import { taskKeys } from "@/lib/queries/tasks";
import { type EditToolName, PROMPT_LIMIT } from "@/lib/shared/edit-input";
import type { Task, TaskPage } from "@/lib/shared/task";
import { OnDemandMessages } from "../on-demand-messages";
import { SheetDialog } from "../ui/sheet-dialog";
import { useEditAbilities } from "./edit-tools";
import { fittedPlacement, type Placement, ReframePlacer } from "./reframe-placer";

const ratioOf = (aspectRatio: string | null) => {
  const [a, b] = (aspectRatio ?? "16:9").split(":").map(Number);
  return a && b ? a / b : 16 / 9;
};

export interface EditDialogProps {
  source: Task;
  tool: EditToolName;
  onClose: () => void;
  /** Where focus goes back to once the dialog has gone. */
  returnFocus?: () => HTMLElement | null;
}

const FIELD =
  "w-full rounded-tile border border-line bg-canvas px-3 py-2 text-base text-ink placeholder:text-ink-faint focus-visible:outline-2 focus-visible:outline-accent aria-invalid:border-danger sm:text-sm";

/** Where "flex_1" sits on the strength slider (0 = closest to the source, 8 = reimagined). */
const DEFAULT_MODE: ModifyMode = "flex_1";

/**
 * Modify, Upscale or Add audio: one dialog, with the fields the tool takes, and the one accent button.
 * The new clip appears in the gallery beside its source, linked to it; the source stays as it is. A Radix
 * dialog: a sheet from the bottom on a phone, a panel in the middle elsewhere.
 */
export function EditDialog(props: EditDialogProps) {
  return (
    <OnDemandMessages namespaces={["EditDialog"]}>
      <EditDialogContent {...props} />
    </OnDemandMessages>
  );
}

function EditDialogContent({ source, tool, onClose, returnFocus }: EditDialogProps) {
  const t = useTranslations("EditDialog");
  const e = useTranslations("Edit");
  const translate = useTranslations();
  const queryClient = useQueryClient();
  const can = useEditAbilities(source);
  const ids = `edit${useId().replace(/:/g, "")}`;
  const keys = useRef(new SubmissionKeys());
  const [prompt, setPrompt] = useState("");
  const [negative, setNegative] = useState("");
  const [strength, setStrength] = useState(MODIFY_MODES.indexOf(DEFAULT_MODE));
  const [resolution, setResolution] = useState(can.upscale.at(-1) ?? "");
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [toId, setToId] = useState<string | null>(null);
  // Modify: an optional first frame the restyle starts from, uploaded like a keyframe.
  const [firstFrame, setFirstFrame] = useState<{ id: string; url: string; name: string } | null>(null);
  const [uploading, setUploading] = useState(false);
  // Reframe: a landscape clip turns to a phone's 9:16 first; anything else to the first ratio offered.
  const [ratio, setRatio] = useState(can.reframe.includes("9:16") ? "9:16" : (can.reframe[0] ?? ""));
  const sourceRatio =
    source.video?.width && source.video.height
      ? source.video.width / source.video.height
      : ratioOf(source.aspectRatio);
  const [placement, setPlacement] = useState<Placement>(() => fittedPlacement(sourceRatio, ratioOf(ratio)));
  const targets = tool === "interpolate" ? bridgeTargets(queryClient, source) : [];
  const mode = MODIFY_MODES[strength] ?? DEFAULT_MODE;

  const edit = (): EditSubmit =>
    tool === "interpolate"
      ? { tool, input: { toId: toId ?? "", prompt: prompt.trim() } }
      : tool === "reframe"
        ? { tool, input: { aspectRatio: ratio, prompt: prompt.trim() || undefined, placement } }
        : tool === "upscale"
          ? { tool, input: { resolution } }
          : tool === "audio"
            ? {
                tool,
                input: { prompt: prompt.trim() || undefined, negativePrompt: negative.trim() || undefined },
              }
            : {
                tool,
                input: {
                  mode,
                  prompt: prompt.trim() || undefined,
                  firstFrame: firstFrame ? { uploadId: firstFrame.id } : undefined,
                },
              };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    if (prompt.length > PROMPT_LIMIT || negative.length > PROMPT_LIMIT) {
      setProblem(t("tooLong", { max: PROMPT_LIMIT }));
      return;
    }
    if (tool === "interpolate" && (!toId || !prompt.trim())) {
      setProblem(toId ? t("promptMissing") : t("targetMissing"));
      return;
    }
    setProblem(null);
    setSubmitting(true);
    const request = edit();
    try {
      const key = keys.current.keyFor({ source: source.id, ...request });
      const task = await editGeneration(source.id, request, key);
      keys.current.settle();
      if (task.state === "failed") {
        setProblem(t("refused", { reason: task.failureReason ?? translate("Errors.noReason") }));
        return;
      }
      notify("success", t(`started.${tool}`), t("startedSentence"));
      void queryClient.invalidateQueries({ queryKey: taskKeys.all });
      refreshBalance(queryClient);
      onClose();
    } catch (error) {
      if (!outcomeUnknown(error)) keys.current.settle();
      const reason =
        error instanceof ApiError && error.code === "upstream_rejected" && error.upstream
          ? t("refused", { reason: error.upstream })
          : describeError(error, translate);
      setProblem(reason);
    } finally {
      setSubmitting(false);
    }
  };

  const pickFirstFrame = async (file: File | undefined) => {
    if (!file) return;
    const refused = checkKeyframeFile(file, translate);
    if (refused) {
      setProblem(refused);
      return;
    }
    setProblem(null);
    setUploading(true);
    try {
      const upload = await uploadImage(file, file.type);
      setFirstFrame({ id: upload.id, url: upload.url, name: file.name });
    } catch (error) {
      setProblem(describeError(error, translate));
    } finally {
      setUploading(false);
    }
  };

  const strengthWord = (index: number) =>
    index <= 2 ? e("strength.adhere") : index <= 5 ? e("strength.flex") : e("strength.reimagine");

  return (
    <SheetDialog
      onClose={onClose}
      testId="edit-dialog"
      width="lg"
      closeLabel={t("close")}
      title={t(`title.${tool}`)}
      description={
        <>
          {t(`explain.${tool}`)} <span className="line-clamp-1 italic">“{source.prompt}”</span>
        </>
      }
      leading={
        source.thumbnail ? (
          // biome-ignore lint/performance/noImgElement: a small poster from the studio's own media route
          <img
            src={source.thumbnail.url}
            alt=""
            className="h-14 w-auto max-w-24 shrink-0 rounded-tile bg-raised object-cover"
          />
        ) : null
      }
      // Where the creator starts: the prompt, or the chosen resolution.
      initialFocus={() =>
        document.querySelector<HTMLElement>(
          tool === "upscale" ? `[name="${ids}-resolution"]:checked` : `#${ids}-prompt`,
        )
      }
      returnFocus={returnFocus}
    >
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        {tool === "upscale" ? (
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-2 text-sm font-medium">{t("resolution")}</legend>
            <div className="flex flex-wrap gap-2">
              {can.upscale.map((value) => (
                <label
                  key={value}
                  className="relative inline-flex h-10 cursor-pointer items-center rounded-full border border-line px-4 text-sm has-checked:border-accent has-checked:bg-accent-soft has-focus-visible:outline-2 has-focus-visible:outline-accent"
                >
                  <input
                    type="radio"
                    name={`${ids}-resolution`}
                    value={value}
                    checked={resolution === value}
                    onChange={() => setResolution(value)}
                    className="sr-only"
                  />
                  {t(`resolutionName.${value === "4k" ? "4k" : "other"}`, { value })}
                </label>
              ))}
            </div>
            <p className="text-xs text-ink-muted">{t("upscaleFrom", { from: source.resolution ?? "—" })}</p>
          </fieldset>
        ) : null}
        {tool === "reframe" ? (
          <div className="flex flex-col gap-3">
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-2 text-sm font-medium">{t("ratio")}</legend>
              <div className="flex flex-wrap gap-2">
                {can.reframe.map((value) => (
                  <label
                    key={value}
                    className="relative inline-flex h-9 cursor-pointer items-center rounded-full border border-line px-3 text-sm has-checked:border-accent has-checked:bg-accent-soft has-focus-visible:outline-2 has-focus-visible:outline-accent pointer-coarse:h-10"
                  >
                    <input
                      type="radio"
                      name={`${ids}-ratio`}
                      value={value}
                      checked={ratio === value}
                      onChange={() => {
                        setRatio(value);
                        setPlacement(fittedPlacement(sourceRatio, ratioOf(value)));
                      }}
                      className="sr-only"
                    />
                    {value}
                  </label>
                ))}
              </div>
            </fieldset>
            <ReframePlacer
              poster={source.thumbnail?.url ?? null}
              sourceRatio={sourceRatio}
              targetRatio={ratioOf(ratio)}
              ratioLabel={ratio}
              placement={placement}
              onChange={setPlacement}
            />
          </div>
        ) : null}
        {tool === "interpolate" ? (
          <fieldset className="flex min-w-0 flex-col gap-2">
            <legend className="mb-2 text-sm font-medium">{t("pickTarget")}</legend>
            {targets.length === 0 ? (
              <p className="text-sm text-ink-muted">{t("noTargets")}</p>
            ) : (
              <div className="grid max-h-56 grid-cols-3 gap-2 overflow-y-auto p-0.5 sm:grid-cols-4">
                {targets.map((target) => (
                  <label
                    key={target.id}
                    className="group relative flex cursor-pointer flex-col gap-1 rounded-tile border border-line p-1 text-xs text-ink-muted has-checked:border-accent has-checked:bg-accent-soft has-checked:text-ink has-focus-visible:outline-2 has-focus-visible:outline-accent"
                  >
                    <input
                      type="radio"
                      name={`${ids}-to`}
                      value={target.id}
                      checked={toId === target.id}
                      onChange={() => setToId(target.id)}
                      className="sr-only"
                    />
                    {target.thumbnail ? (
                      // biome-ignore lint/performance/noImgElement: a small poster from the studio's own media route
                      <img
                        src={target.thumbnail.url}
                        alt=""
                        className="aspect-video w-full rounded-[calc(var(--radius-tile)-4px)] bg-raised object-cover"
                      />
                    ) : (
                      <span className="aspect-video w-full rounded-tile bg-raised" />
                    )}
                    <span className="line-clamp-2 px-0.5">{target.prompt}</span>
                  </label>
                ))}
              </div>
            )}
          </fieldset>
        ) : null}
        {tool !== "upscale" ? (
          <div className="flex flex-col gap-1.5">
            <label htmlFor={`${ids}-prompt`} className="text-sm font-medium">
              {t(`prompt.${tool}`)}
            </label>
            <textarea
              id={`${ids}-prompt`}
              name="prompt"
              rows={3}
              value={prompt}
              placeholder={t(`promptPlaceholder.${tool}`)}
              onChange={(event) => setPrompt(event.target.value)}
              className={`${FIELD} resize-none`}
            />
          </div>
        ) : null}
        {tool === "modify" ? (
          <div className="flex flex-col gap-2">
            <label htmlFor={`${ids}-strength`} className="text-sm font-medium">
              {t("strength.label")}
            </label>
            <input
              id={`${ids}-strength`}
              type="range"
              min={0}
              max={MODIFY_MODES.length - 1}
              step={1}
              value={strength}
              aria-valuetext={`${strengthWord(strength)} (${mode})`}
              onChange={(event) => setStrength(Number(event.target.value))}
              className="w-full accent-accent"
            />
            <div className="flex justify-between text-xs text-ink-muted" aria-hidden="true">
              <span>{t("strength.close")}</span>
              <span className="font-medium text-ink">{strengthWord(strength)}</span>
              <span>{t("strength.far")}</span>
            </div>
            <div className="mt-2 flex items-center gap-3">
              {firstFrame ? (
                // biome-ignore lint/performance/noImgElement: the studio's own stored upload
                <img src={firstFrame.url} alt="" className="size-12 shrink-0 rounded-tile object-cover" />
              ) : null}
              <div className="min-w-0 flex-1">
                <p className="text-sm font-medium">{t("firstFrame.label")}</p>
                <p className="truncate text-xs text-ink-muted">
                  {uploading
                    ? t("firstFrame.uploading")
                    : firstFrame
                      ? firstFrame.name
                      : t("firstFrame.hint")}
                </p>
              </div>
              {firstFrame ? (
                <button
                  type="button"
                  onClick={() => setFirstFrame(null)}
                  className="inline-flex h-10 items-center rounded-full border border-line px-3 text-sm hover:bg-raised focus-visible:outline-2 focus-visible:outline-accent"
                >
                  {t("firstFrame.remove")}
                </button>
              ) : (
                <label className="relative inline-flex h-10 cursor-pointer items-center rounded-full border border-line px-3 text-sm hover:bg-raised has-focus-visible:outline-2 has-focus-visible:outline-accent">
                  <input
                    type="file"
                    accept="image/png,image/jpeg,image/webp"
                    disabled={uploading}
                    aria-label={t("firstFrame.pick")}
                    onChange={(event) => {
                      void pickFirstFrame(event.target.files?.[0]);
                      event.target.value = "";
                    }}
                    className="sr-only"
                  />
                  {t("firstFrame.choose")}
                </label>
              )}
            </div>
          </div>
        ) : null}
        {tool === "audio" ? (
          <div className="flex flex-col gap-1.5">
            <label htmlFor={`${ids}-negative`} className="text-sm font-medium">
              {t("negativePrompt")}
            </label>
            <input
              id={`${ids}-negative`}
              name="negativePrompt"
              value={negative}
              placeholder={t("negativePlaceholder")}
              onChange={(event) => setNegative(event.target.value)}
              className={`${FIELD} h-10`}
            />
          </div>
        ) : null}
        {problem ? (
          <p role="alert" className="rounded-tile bg-danger-soft px-3 py-2 text-sm text-danger">
            {problem}
          </p>
        ) : null}
        <div className="flex items-center justify-end gap-3">
          <p className="me-auto text-xs text-ink-muted">{t("keepsOriginal")}</p>
          <button
            type="submit"
            disabled={submitting || uploading}
            className="inline-flex h-10 items-center rounded-full bg-accent px-5 text-sm font-semibold text-accent-ink shadow-sm hover:bg-accent-hover focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:opacity-60"
          >
            {submitting ? t(`busy.${tool}`) : e(`submit.${tool}`)}
          </button>
        </div>
      </form>
    </SheetDialog>
  );
}

/** Finished clips of the same provider the gallery has loaded, newest first, for a bridge to lead to. */
function bridgeTargets(queryClient: ReturnType<typeof useQueryClient>, source: Task): Task[] {
  const seen = new Set<string>([source.id]);
  const found: Task[] = [];
  for (const [, data] of queryClient.getQueriesData<InfiniteData<TaskPage, string | null>>({
    queryKey: taskKeys.lists(),
  })) {
    for (const task of data?.pages.flatMap((page) => page.tasks) ?? []) {
      if (seen.has(task.id) || task.state !== "completed" || !task.video || task.provider !== source.provider)
        continue;
      seen.add(task.id);
      found.push(task);
    }
  }
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 24);
}
