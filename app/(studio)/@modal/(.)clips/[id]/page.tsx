import { RouteMessages } from "@/components/route-messages";
import { ViewerDialog } from "@/components/viewer/viewer-dialog";
import { findClip } from "@/lib/server/viewer/clip";

/** A clip opened from the gallery (or a board): the viewer over the page, at the clip's own URL. */
export default async function ClipOverGallery({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const task = await findClip(id);
  return (
    <RouteMessages add="Viewer">
      <ViewerDialog id={id} initialTask={task} />
    </RouteMessages>
  );
}
