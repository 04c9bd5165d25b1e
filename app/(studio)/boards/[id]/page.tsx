import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { BoardView } from "@/components/boards/board-view";
import { RouteMessages } from "@/components/route-messages";
import { StudioHeader } from "@/components/studio-header";
import { boardKeys } from "@/lib/queries/board-keys";
import { NO_FILTERS } from "@/lib/queries/filters";
import { GALLERY_PAGE_SIZE, galleryQueryOptions } from "@/lib/queries/tasks";
import { getBoard } from "@/lib/server/boards/boards";
import { isAppError } from "@/lib/server/http/errors";
import { studioInfo } from "@/lib/server/studio-info";
import { firstGalleryPage } from "@/lib/server/tasks/queries";
import type { Board } from "@/lib/shared/board";

type Props = { params: Promise<{ id: string }> };

/** The board, or Next's 404 page for an id that names none (or could not be one). */
async function boardOr404(id: string): Promise<Board> {
  if (id.length > 64) notFound();
  try {
    return await getBoard(id);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const board = await boardOr404((await params).id);
  return { title: board.name };
}

/** A board's page: its name (renamed in place), its clips in the studio's own gallery, delete. */
export default async function BoardPage({ params }: Props) {
  await connection();
  const { id } = await params;
  const board = await boardOr404(id);
  const queryClient = new QueryClient();
  queryClient.setQueryData(boardKeys.detail(id), board);
  // The board's first page is read straight from the database, like the studio's gallery.
  await queryClient.prefetchInfiniteQuery({
    ...galleryQueryOptions({ ...NO_FILTERS, boardId: id }),
    queryFn: () => firstGalleryPage({ limit: GALLERY_PAGE_SIZE, boardId: id }),
  });
  return (
    <>
      <StudioHeader provider={studioInfo().provider} />
      <main id="main" className="mx-auto w-full max-w-screen-2xl px-3 py-6 sm:px-6">
        <HydrationBoundary state={dehydrate(queryClient)}>
          <RouteMessages add="BoardPage">
            <BoardView boardId={id} />
          </RouteMessages>
        </HydrationBoundary>
      </main>
    </>
  );
}
