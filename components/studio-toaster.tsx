"use client";

import { Toaster } from "sonner";

/** Bottom centre reads well on a phone too; the theme follows the system like the rest of the studio. */
export function StudioToaster() {
  return <Toaster position="bottom-center" richColors closeButton theme="system" />;
}
