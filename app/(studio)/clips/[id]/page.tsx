import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { RouteMessages } from "@/components/route-messages";
import { ViewerPage } from "@/components/viewer/viewer-page";
import { findClip } from "@/lib/server/viewer/clip";
import { shortPrompt } from "@/lib/shared/short-prompt";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const task = await findClip((await params).id);
  return { title: task ? shortPrompt(task.prompt, 60) : undefined, robots: { index: false } };
}

/** A clip's own page, opened from a link or the address bar: the viewer full screen. */
export default async function ClipPage({ params }: Props) {
  await connection();
  const { id } = await params;
  const task = await findClip(id);
  if (!task) notFound();
  return (
    <RouteMessages add="Viewer">
      <ViewerPage initialTask={task} />
    </RouteMessages>
  );
}
