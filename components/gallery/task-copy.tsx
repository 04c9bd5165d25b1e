import { useTranslations } from "next-intl";
import type { Task } from "@/lib/shared/task";

/**
 * Says when the studio does not hold its own copy of a finished clip: the provider's links expire, so
 * a clip that is not saved will stop playing. Nothing while the first copy is under way.
 */
export function TaskCopyNote({ task }: { task: Task }) {
  const t = useTranslations("Card.copy");
  const copy = task.copy;
  if (!copy || copy.status === "saving") return null;
  const failed = copy.status === "failed";
  return (
    <p
      data-testid="copy-status"
      title={copy.reason ?? undefined}
      className={`rounded-md p-2 text-xs text-ink ${failed ? "bg-danger-soft" : "bg-warn-soft"}`}
    >
      {failed ? t("failed", { reason: copy.reason ?? t("noReason") }) : t("retrying")}
    </p>
  );
}
