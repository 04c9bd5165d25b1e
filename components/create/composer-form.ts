import type { FormEvent, KeyboardEvent } from "react";
import type { ComposerProblem } from "./composer-messages";

/** The ids a composer's pieces find each other by (the prompt, its count and problem, the key hint). */
export function composerIds(idPrefix: string) {
  return {
    prompt: `${idPrefix}-prompt`,
    promptError: `${idPrefix}-prompt-error`,
    count: `${idPrefix}-count`,
    shortcut: `${idPrefix}-shortcut`,
  };
}

/** The prompt's problem as a line under the composer, or none. */
export function promptProblems(idPrefix: string, problem: string | undefined): ComposerProblem[] {
  return problem ? [{ id: composerIds(idPrefix).promptError, message: problem }] : [];
}

/**
 * What the composer's <form> and the extend dialog's share: no browser validation (the studio says
 * what is wrong in whole sentences), Ctrl/⌘ + Enter sends from any field, and the key hint describes
 * the form.
 */
export function composerFormProps(idPrefix: string, submit: () => Promise<void>) {
  return {
    noValidate: true,
    "aria-describedby": composerIds(idPrefix).shortcut,
    onSubmit: (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      void submit();
    },
    onKeyDown: (event: KeyboardEvent<HTMLFormElement>) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        event.currentTarget.requestSubmit();
      }
    },
  };
}
