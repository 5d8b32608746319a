/**
 * The human-facing part of an operation: summary, description, tags, deprecation and the
 * operations that replace it. Texts are kept as the metadata has them.
 */
import { appendPointer } from "../json/json-pointer.js";
import { asRecord, type MetadataApi } from "../metadata/api-docs.js";
import type { ConversionContext } from "./context.js";

/** Prose fields appended to the description, in this order, when they hold more than blanks. */
const DESCRIPTION_PARTS = [
  "description",
  "requestParamsDescription",
  "responseParamsDescription",
  "extraInfo",
] as const;

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function readReplacements(
  api: MetadataApi,
  pointer: string,
  context: ConversionContext,
): string[] | undefined {
  const staticInfo = asRecord(api.staticInfo);
  if (staticInfo === undefined) {
    return undefined;
  }
  let replacements: string[] | undefined;
  for (const [key, value] of Object.entries(staticInfo)) {
    const at = appendPointer(pointer, "staticInfo", key);
    if (
      key === "substitutions" &&
      Array.isArray(value) &&
      value.every((entry) => typeof entry === "string")
    ) {
      replacements = value.length > 0 ? [...value] : undefined;
    } else {
      context.dropDocumentation(`staticInfo.${key}`, at);
    }
  }
  return replacements;
}

function readTags(api: MetadataApi, directoryTags: readonly string[]): string[] {
  const tags = [...directoryTags];
  if (Array.isArray(api.tags)) {
    for (const tag of api.tags) {
      if (typeof tag === "string" && tag !== "" && !tags.includes(tag)) {
        tags.push(tag);
      }
    }
  }
  return tags;
}

/**
 * Returns `summary`, `description`, `tags`, `deprecated`, `x-acs-title` and `x-acs-replacements`
 * for the operation at `pointer`, each only when the metadata has it.
 */
export function describeOperation(
  api: MetadataApi,
  pointer: string,
  directoryTags: readonly string[],
  context: ConversionContext,
): Record<string, unknown> {
  const title = text(api.title);
  const summary = text(api.summary) ?? title;
  const description = DESCRIPTION_PARTS.map((key) => text(api[key]))
    .filter((part) => part !== undefined)
    .join("\n\n");
  const tags = readTags(api, directoryTags);
  const replacements = readReplacements(api, pointer, context);
  return {
    ...(summary === undefined ? {} : { summary }),
    ...(description === "" ? {} : { description }),
    ...(title === undefined || title === summary ? {} : { "x-acs-title": title }),
    ...(tags.length === 0 ? {} : { tags }),
    ...(api.deprecated === true ? { deprecated: true } : {}),
    ...(replacements === undefined ? {} : { "x-acs-replacements": replacements }),
  };
}
