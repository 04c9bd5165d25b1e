"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import type { ReactNode, RefObject } from "react";

/**
 * The phone's settings sheet with Radix (modal: the page behind is inert, focus stays inside). Loaded
 * on demand by ./settings-sheet, whose ⚙ button opens it; closing hands focus back to that button.
 */
export function RadixSettingsSheet({
  onOpenChange,
  trigger,
  children,
}: {
  onOpenChange: (open: boolean) => void;
  trigger: RefObject<HTMLButtonElement | null>;
  children: ReactNode;
}) {
  const c = useTranslations("Composer");
  return (
    <Dialog.Root open onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-scrim" />
        <Dialog.Content
          aria-describedby={undefined}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            trigger.current?.focus();
          }}
          className="fixed inset-x-0 bottom-0 z-50 flex max-h-[85dvh] flex-col gap-3 overflow-y-auto rounded-t-panel border-t border-line bg-surface px-4 pt-3 pb-[max(1rem,env(safe-area-inset-bottom))] text-ink shadow-lg"
        >
          <div aria-hidden="true" className="mx-auto h-1 w-10 rounded-full bg-line-strong" />
          <Dialog.Title className="text-base font-semibold">{c("settingsTitle")}</Dialog.Title>
          <div className="flex flex-col divide-y divide-line">{children}</div>
          <Dialog.Close className="h-11 rounded-full border border-line text-sm font-medium focus-visible:outline-2 focus-visible:outline-accent">
            {c("done")}
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
