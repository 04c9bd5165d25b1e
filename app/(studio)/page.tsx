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
import { listTasks } from "@/lib/server/tasks/queries";
import { provider } from "@/lib/server/upstream";

export default async function StudioPage() {
  await connection();
  const info = studioInfo();
  const t = await getTranslations("Studio");
  const queryClient = new QueryClient();
  // The first page is read straight from the database, so the gallery paints without a round trip.
  await queryClient.prefetchInfiniteQuery({
    ...galleryQueryOptions(),
    queryFn: () => listTasks({ limit: GALLERY_PAGE_SIZE }),
  });
  return (
    <>
      <StudioHeader provider={info.provider} />
      {openStudioExposed((await headers()).get("host")) ? <OpenStudioWarning /> : null}
      <main
        id="main"
        className="mx-auto grid w-full max-w-7xl gap-6 px-4 py-6 sm:px-6 lg:grid-cols-[minmax(0,30rem)_minmax(0,1fr)] lg:items-start"
      >
        <HydrationBoundary state={dehydrate(queryClient)}>
          <div className="lg:sticky lg:top-4">
            <CreateSection capabilities={provider().capabilities} heading={t("create")} />
          </div>
          <section aria-labelledby="gallery-heading">
            <h2 id="gallery-heading" tabIndex={-1} className="mb-4 text-lg font-semibold focus:outline-none">
              {t("yourClips")}
            </h2>
            <Gallery />
          </section>
        </HydrationBoundary>
      </main>
    </>
  );
}
