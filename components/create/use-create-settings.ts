"use client";

import { useCallback, useEffect, useState } from "react";
import {
  type CreateSettings,
  defaultSettings,
  loadDraft,
  loadSettings,
  reconcileSettings,
  saveDraft,
  saveSettings,
} from "@/lib/client/form-storage";
import type { ReusedSettings } from "@/lib/client/use-settings-event";
import type { ProviderCapabilities } from "@/lib/luma/capabilities";

/**
 * Settings remembered between visits and the prompt draft, kept in localStorage. Both are read after
 * mount so the server-rendered form and the first client render agree.
 */
export function useCreateSettings(caps: ProviderCapabilities) {
  const [settings, setSettings] = useState<CreateSettings>(() => defaultSettings(caps));
  const [prompt, setPromptState] = useState("");
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    setSettings(loadSettings(caps));
    setPromptState((typed) => typed || loadDraft());
    setRestored(true);
  }, [caps]);

  useEffect(() => {
    if (restored) saveSettings(settings);
  }, [restored, settings]);

  const update = useCallback((patch: Partial<CreateSettings>) => {
    setSettings((current) => ({ ...current, ...patch }));
  }, []);

  const setPrompt = useCallback((value: string) => {
    setPromptState(value);
    saveDraft(value);
  }, []);

  /** After a clip started: empties the prompt, unless the creator has already begun the next one. */
  const clearDraft = useCallback(
    (sent: readonly string[]) =>
      setPromptState((current) => {
        if (!sent.some((text) => text.trim() === current.trim())) return current;
        saveDraft("");
        return "";
      }),
    [],
  );

  /** "Use these settings" from a clip: what this provider no longer offers keeps the current choice. */
  const reuse = useCallback(
    ({ prompt: reusedPrompt, ...reused }: ReusedSettings) => {
      const given = Object.fromEntries(Object.entries(reused).filter(([, value]) => value !== null));
      setSettings((current) => reconcileSettings({ ...current, ...given }, caps));
      setPrompt(reusedPrompt);
    },
    [caps, setPrompt],
  );

  return { settings, update, prompt, setPrompt, clearDraft, reuse };
}
