"use client";

import { useTranslations } from "next-intl";
import {
  type ComponentPropsWithoutRef,
  forwardRef,
  lazy,
  type RefObject,
  Suspense,
  useEffect,
  useRef,
  useState,
} from "react";
import { lazyPart, preloadProps } from "@/lib/client/lazy-part";
import { useLazyPart } from "@/lib/client/use-lazy-part";
import { EDIT_TOOLS, type EditToolName } from "@/lib/shared/edit-tools";
import type { Task } from "@/lib/shared/task";
import { FavouriteButton } from "../boards/favourite-button";
import { ON_MEDIA_BUTTON } from "./action-button";
import { clipAbilities, useCanHover } from "./clip-actions";
import { ClipMenu, type MenuDialog } from "./clip-menu";
import { DeleteConfirm } from "./delete-action";

// Loaded when first opened, outside the studio's first-load budget.
const LineageDialog = lazy(() =>
  import("../lineage/lineage-dialog").then((module) => ({ default: module.LineageDialog })),
);
const EditDialog = lazy(() =>
  import("../edit/edit-dialog").then((module) => ({ default: module.EditDialog })),
);

// The share popover (Radix and the panel) comes on demand: pointer or focus on Share, an open menu (which
// holds Share on touch screens), or idle time after hydration.
const sharePopover = lazyPart(() => import("./share-popover"));
const preloadShare = (): void => void sharePopover.load().catch(() => {});

/**
 * The card's actions, on the media's top edge: ★ at the start, then Extend and Share (shown on hover or keyboard
 * focus) and the ⋯ menu with the rest. On touch the ⋯ is always there and holds Extend and Share too.
 * While a menu, popover or dialog is open the bar stays, so focus comes back to where it left.
 */
export function CardActions({ task }: { task: Task }) {
  const t = useTranslations();
  const canHover = useCanHover();
  const can = clipAbilities(task);
  const [menuOpen, setMenuOpen] = useState(false);
  const [dialog, setDialog] = useState<MenuDialog | null>(null);
  const picked = useRef<MenuDialog | null>(null);
  const menuTrigger = useRef<HTMLButtonElement>(null);
  const shareButton = useRef<HTMLButtonElement>(null);
  const extendButton = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => sharePopover.loadWhenIdle(), []);

  const open = (next: MenuDialog, from: HTMLElement | null) => {
    opener.current = from;
    setDialog(next);
  };
  const close = () => {
    setDialog(null);
    const back = opener.current?.isConnected ? opener.current : menuTrigger.current;
    requestAnimationFrame(() => back?.focus());
  };
  const pinned = menuOpen || dialog !== null;

  return (
    <>
      <div
        ref={bar}
        data-pinned={pinned || undefined}
        className="group/bar pointer-events-none absolute end-2 top-2 flex items-center gap-1.5"
      >
        <FavouriteButton task={task} look="media" />
        {canHover && (can.extend || can.share) ? (
          <div className="flex gap-1.5 opacity-0 transition-opacity group-focus-within:opacity-100 group-hover:opacity-100 group-data-[pinned]/bar:opacity-100 motion-reduce:transition-none">
            {can.extend ? (
              <MediaAction
                ref={extendButton}
                icon="M3 10h10M9 6l4 4-4 4M16 4v12"
                label={t("Lineage.extend")}
                onClick={() => open("extend", extendButton.current)}
              />
            ) : null}
            {can.share ? (
              <MediaAction
                ref={shareButton}
                icon="M10 13V3M6 7l4-4 4 4M4 11v5h12v-5"
                label={t("Actions.share")}
                aria-haspopup="dialog"
                aria-expanded={dialog === "share"}
                {...preloadProps(preloadShare)}
                onClick={() => (dialog === "share" ? close() : open("share", shareButton.current))}
              />
            ) : null}
          </div>
        ) : null}
        <div
          className={
            canHover
              ? "opacity-0 transition-opacity group-focus-within:opacity-100 group-hover:opacity-100 group-data-[pinned]/bar:opacity-100 motion-reduce:transition-none"
              : undefined
          }
        >
          <ClipMenu
            ref={menuTrigger}
            task={task}
            withMainActions={!canHover}
            open={menuOpen}
            onOpenChange={(next) => {
              if (next) preloadShare();
              setMenuOpen(next);
            }}
            onPick={(next) => {
              picked.current = next;
            }}
            onCloseAutoFocus={(event) => {
              const next = picked.current;
              picked.current = null;
              if (!next) return;
              // The menu hands focus to its trigger first; the dialog then takes it from there.
              event.preventDefault();
              menuTrigger.current?.focus();
              open(next, menuTrigger.current);
            }}
          />
        </div>
      </div>
      {dialog === "share" ? (
        <LazySharePopover task={task} anchor={bar} trigger={shareButton} onClose={close} />
      ) : null}
      {dialog === "extend" || dialog === "continue" ? (
        <Suspense fallback={null}>
          <LineageDialog
            parent={task}
            mode={dialog}
            onModeChange={(mode) => setDialog(mode)}
            onClose={close}
          />
        </Suspense>
      ) : null}
      {isEditTool(dialog) ? (
        <Suspense fallback={null}>
          <EditDialog source={task} tool={dialog} onClose={close} />
        </Suspense>
      ) : null}
      {dialog === "delete" ? <DeleteConfirm task={task} onClose={close} /> : null}
    </>
  );
}

/** A pill on the poster: its icon alone on a narrow card, its name beside it on a wide one. */
const MediaAction = forwardRef<
  HTMLButtonElement,
  Omit<ComponentPropsWithoutRef<"button">, "children"> & { icon: string; label: string }
>(function MediaAction({ icon, label, ...props }, ref) {
  return (
    <button ref={ref} type="button" className={`pointer-events-auto ${ON_MEDIA_BUTTON}`} {...props}>
      <svg
        aria-hidden="true"
        viewBox="0 0 20 20"
        className="size-4 fill-none stroke-current stroke-2 @[13rem]/tile:hidden"
      >
        <path d={icon} strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span className="sr-only @[13rem]/tile:not-sr-only">{label}</span>
    </button>
  );
});

/** The share popover once its module is there (at once when it was preloaded). */
function LazySharePopover(props: {
  task: Task;
  anchor: RefObject<HTMLElement | null>;
  trigger: RefObject<HTMLElement | null>;
  onClose: () => void;
}) {
  const module = useLazyPart(sharePopover, true);
  return module ? <module.SharePopover {...props} /> : null;
}

const isEditTool = (dialog: MenuDialog | null): dialog is EditToolName =>
  (EDIT_TOOLS as readonly string[]).includes(dialog ?? "");
