import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { headers } from "next/headers";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { CreateSection } from "@/components/create-section";
import { Gallery } from "@/components/gallery/gallery";
import { OpenStudioWarning } from "@/components/security/open-studio-warning";
import { StudioHeader } from "@/components/studio-header";
import { GALLERY_PAGE_SIZE, galleryQueryOptions } from "@/lib/queries/tasks";
import { openStudioExposed } from "@/lib/server/security/exposure";
import { studioInfo } from "@/lib/server/studio-info";
import { firstGalleryPage } from "@/lib/server/tasks/queries";
import { provider } from "@/lib/server/upstream";

export default async function StudioPage() {
  await connection();
  const info = studioInfo();
  const t = await getTranslations("Studio");
  const queryClient = new QueryClient();
  // The first page is read straight from the database, so the gallery paints without a round trip.
  await queryClient.prefetchInfiniteQuery({
    ...galleryQueryOptions(),
    queryFn: () => firstGalleryPage({ limit: GALLERY_PAGE_SIZE }),
  });
  return (
    <>
      <StudioHeader provider={info.provider} />
      {openStudioExposed((await headers()).get("host")) ? <OpenStudioWarning /> : null}
      <main id="main" className="w-full">
        <HydrationBoundary state={dehydrate(queryClient)}>
          {/* The composer stays in reach while the gallery scrolls under it (≤ 220 px tall on desktop). */}
          <div className="sticky top-0 z-30 border-b border-line bg-canvas/95 px-3 py-2 backdrop-blur sm:px-6 sm:py-3">
            <div className="mx-auto w-full max-w-screen-2xl">
              <CreateSection capabilities={provider().capabilities} heading={t("create")} />
            </div>
          </div>
          <section
            aria-labelledby="gallery-heading"
            className="mx-auto w-full max-w-screen-2xl px-3 py-6 sm:px-6"
          >
            <h2
              id="gallery-heading"
              tabIndex={-1}
              className="mb-4 text-base font-semibold text-ink focus:outline-none"
            >
              {t("yourClips")}
            </h2>
            <Gallery />
          </section>
        </HydrationBoundary>
      </main>
    </>
  );
}
