import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { connection } from "next/server";
import { Gallery } from "@/components/gallery/gallery";
import { StudioHeader } from "@/components/studio-header";
import { GALLERY_PAGE_SIZE, galleryQueryOptions } from "@/lib/queries/tasks";
import { studioInfo } from "@/lib/server/studio-info";
import { listTasks } from "@/lib/server/tasks/queries";

export default async function StudioPage() {
  await connection();
  const info = studioInfo();
  const queryClient = new QueryClient();
  // The first page is read straight from the database, so the gallery paints without a round trip.
  await queryClient.prefetchInfiniteQuery({
    ...galleryQueryOptions(),
    queryFn: () => listTasks({ limit: GALLERY_PAGE_SIZE }),
  });
  return (
    <>
      <StudioHeader provider={info.provider} />
      <main id="main" className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-6">
        <HydrationBoundary state={dehydrate(queryClient)}>
          <section aria-labelledby="gallery-heading">
            <h2 id="gallery-heading" className="mb-4 text-lg font-semibold">
              Your clips
            </h2>
            <Gallery />
          </section>
        </HydrationBoundary>
      </main>
    </>
  );
}
