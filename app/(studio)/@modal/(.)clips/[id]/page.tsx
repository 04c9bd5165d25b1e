import { ViewerDialog } from "@/components/viewer/viewer-dialog";
import { ViewerMessages } from "@/components/viewer/viewer-messages";
import { findClip } from "@/lib/server/viewer/clip";

/** A clip opened from the gallery (or a board): the viewer over the page, at the clip's own URL. */
export default async function ClipOverGallery({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const task = await findClip(id);
  return (
    <ViewerMessages>
      <ViewerDialog id={id} initialTask={task} />
    </ViewerMessages>
  );
}
