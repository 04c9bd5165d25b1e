import { connection } from "next/server";
import { EmptyGallery } from "@/components/gallery/empty-gallery";
import { StudioHeader } from "@/components/studio-header";
import { studioInfo } from "@/lib/server/studio-info";

export default async function StudioPage() {
  await connection();
  const info = studioInfo();
  return (
    <>
      <StudioHeader provider={info.provider} />
      <main id="main" className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-6">
        <section aria-labelledby="gallery-heading">
          <h2 id="gallery-heading" className="mb-4 text-lg font-semibold">
            Your clips
          </h2>
          <EmptyGallery />
        </section>
      </main>
    </>
  );
}
