import Link from "next/link";
import { useTranslations } from "next-intl";
import { BoardsIcon } from "./icons";

/** A board with no clips yet: what it is for and how clips get here. */
export function BoardEmpty() {
  const t = useTranslations("BoardPage");
  return (
    <div className="flex flex-col items-center gap-3 rounded-panel border border-dashed border-line-strong px-6 py-16 text-center">
      <span className="flex size-12 items-center justify-center rounded-full bg-accent-soft text-accent">
        <BoardsIcon className="size-6" />
      </span>
      <p className="text-base font-medium text-ink">{t("emptyTitle")}</p>
      <p className="max-w-sm text-sm text-ink-muted">{t("emptyHint")}</p>
      <Link
        href="/"
        className="mt-2 inline-flex h-10 items-center rounded-full bg-accent px-4 text-sm font-medium text-accent-ink hover:bg-accent-hover focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
      >
        {t("emptyAction")}
      </Link>
    </div>
  );
}
