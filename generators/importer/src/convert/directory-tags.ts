/**
 * Turns the metadata's `directories` (the reference's table of contents: folders of operation
 * names, possibly nested) into OpenAPI tags. A nested folder's tag joins the titles with ` / `.
 */
import type { DiagnosticCollector } from "../diagnostics.js";
import { appendPointer } from "../json/json-pointer.js";
import { isRecord } from "../metadata/api-docs.js";

/** The document's tag list and each operation's tags. */
export interface DirectoryTags {
  readonly tags: { name: string }[];
  readonly byOperation: ReadonlyMap<string, readonly string[]>;
}

const FOLDER_KEYS = new Set(["id", "title", "type", "children"]);

/** Reads `directories` at `/directories`; unknown shapes are reported and skipped. */
export function collectDirectoryTags(
  raw: unknown,
  diagnostics: DiagnosticCollector,
): DirectoryTags {
  const names: string[] = [];
  const byOperation = new Map<string, string[]>();

  const visit = (entries: unknown, pointer: string, parent: string | undefined): void => {
    if (!Array.isArray(entries)) {
      diagnostics.report("unknown-key", pointer, "a directory list that is not a list");
      return;
    }
    entries.forEach((entry: unknown, index) => {
      const at = appendPointer(pointer, index);
      if (typeof entry === "string") {
        if (parent !== undefined) {
          const tags = byOperation.get(entry) ?? [];
          if (!tags.includes(parent)) {
            tags.push(parent);
          }
          byOperation.set(entry, tags);
        }
        return;
      }
      if (!isRecord(entry)) {
        diagnostics.report("unknown-key", at, `directory entry ${JSON.stringify(entry)}`);
        return;
      }
      for (const key of Object.keys(entry)) {
        if (!FOLDER_KEYS.has(key)) {
          diagnostics.report("unknown-key", appendPointer(at, key), `directory key \`${key}\``);
        }
      }
      const title =
        typeof entry.title === "string" && entry.title.trim() !== ""
          ? entry.title.trim()
          : undefined;
      const name =
        title === undefined ? parent : parent === undefined ? title : `${parent} / ${title}`;
      if (name !== undefined && !names.includes(name)) {
        names.push(name);
      }
      visit(entry.children ?? [], appendPointer(at, "children"), name);
    });
  };

  if (raw !== undefined) {
    visit(raw, "/directories", undefined);
  }
  return { tags: names.map((name) => ({ name })), byOperation };
}
