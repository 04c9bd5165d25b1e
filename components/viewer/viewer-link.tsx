"use client";

import { useRouter } from "next/navigation";
import type { ComponentPropsWithoutRef } from "react";

/**
 * A link into the viewer from the studio page, as a plain anchor plus a soft navigation (so the
 * intercepting route opens the viewer over the page). next/link would add its own module to the
 * studio page's first load; the router is there already. Modified clicks open a tab as usual.
 */
export function ViewerLink({ href, onClick, ...props }: ComponentPropsWithoutRef<"a"> & { href: string }) {
  const router = useRouter();
  return (
    <a
      href={href}
      {...props}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented || event.button !== 0) return;
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        router.push(href, { scroll: false });
      }}
    />
  );
}
