import { PROBLEMS, problemTypeUri } from "@fitcoach/contract";
import type { FieldError, ProblemCode, ProblemDocument } from "@fitcoach/contract";

export interface ProblemOptions {
  detail?: string;
  errors?: FieldError[];
  reason?: string;
  headers?: Record<string, string>;
}

/**
 * An error the API reports to the client as a problem document. Every type, title and status comes
 * from the shared problem table, so routes never build error bodies by hand.
 */
export class ProblemError extends Error {
  readonly code: ProblemCode;
  readonly status: number;
  readonly options: ProblemOptions;

  constructor(code: ProblemCode, options: ProblemOptions = {}) {
    super(options.detail ?? PROBLEMS[code].title);
    this.name = "ProblemError";
    this.code = code;
    this.status = PROBLEMS[code].status;
    this.options = options;
  }

  toDocument(): ProblemDocument {
    const document: ProblemDocument = {
      type: problemTypeUri(this.code),
      title: PROBLEMS[this.code].title,
      status: this.status,
    };
    if (this.options.detail) document.detail = this.options.detail;
    if (this.options.reason) document.reason = this.options.reason;
    if (this.options.errors) document.errors = this.options.errors;
    return document;
  }
}

export function problem(code: ProblemCode, options: ProblemOptions = {}): ProblemError {
  return new ProblemError(code, options);
}

export function notFound(what: string): ProblemError {
  return new ProblemError("not-found", { detail: `${what} was not found.` });
}
