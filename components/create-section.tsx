"use client";

import { useQueryClient } from "@tanstack/react-query";
import { CreateForm } from "@/components/create/create-form";
import type { ProviderCapabilities } from "@/lib/luma/capabilities";
import { refreshBalance } from "@/lib/queries/balance";
import { showStartedTask, taskKeys } from "@/lib/queries/tasks";

/**
 * The form in its page region; a new task goes straight into the gallery, which then follows it, and
 * the header's balance is read again. A long poll already under way is kept (not restarted): the studio
 * tells it of the new task within ~3 s, and a restart per submit would cost a request each.
 */
export function CreateSection({
  capabilities,
  heading,
}: {
  capabilities: ProviderCapabilities;
  heading: string;
}) {
  const queryClient = useQueryClient();
  return (
    <section aria-labelledby="create-heading">
      <h2 id="create-heading" className="sr-only">
        {heading}
      </h2>
      <CreateForm
        capabilities={capabilities}
        onTaskRecorded={(task) => {
          refreshBalance(queryClient);
          // A failed attempt the server kept is known only by id: the lists are read again for it.
          if (task) return showStartedTask(queryClient, task);
          return queryClient.invalidateQueries({ queryKey: taskKeys.all }, { cancelRefetch: false });
        }}
      />
    </section>
  );
}
