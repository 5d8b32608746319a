/**
 * Applies OpenAPI Overlay 1.0 documents to a base document.
 * @see https://spec.openapis.org/overlay/v1.0.0.html
 */
import { paths as queryPaths } from "jsonpath-rfc9535";
import { createDiagnostic, type Diagnostic } from "./diagnostics.js";
import { encodePointer, getAtPath, type PathSegment, parseNormalizedPath } from "./json-pointer.js";
import { defineKey, describeJsonKind, isJsonObject, type JsonObject } from "./json-value.js";
import type { YamlSource } from "./yaml-source.js";

/**
 * Merges `update` into `target` in place. Objects merge key by key; any other value, arrays
 * included, replaces the old one. The overlay specification lets only whole arrays be replaced,
 * and our overlays restate complete lists (`enum`, `required`), so concatenation would duplicate.
 */
function mergeInto(target: JsonObject, update: JsonObject): void {
  for (const [key, value] of Object.entries(update)) {
    const current = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isJsonObject(current) && isJsonObject(value)) {
      mergeInto(current, value);
    } else {
      defineKey(target, key, structuredClone(value));
    }
  }
}

/** Orders removals so that deleting one array item never shifts the index of a later one. */
function compareForRemoval(left: PathSegment[], right: PathSegment[]): number {
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index += 1) {
    const a = left[index];
    const b = right[index];
    if (a !== b) {
      if (typeof a === "number" && typeof b === "number") {
        return b - a;
      }
      return String(a) < String(b) ? -1 : 1;
    }
  }
  return right.length - left.length;
}

function removeAt(document: JsonObject, segments: PathSegment[]): void {
  const parent = getAtPath(document, segments.slice(0, -1));
  const last = segments[segments.length - 1];
  if (Array.isArray(parent) && typeof last === "number") {
    parent.splice(last, 1);
  } else if (isJsonObject(parent) && last !== undefined) {
    delete parent[last];
  }
}

interface ActionContext {
  readonly overlay: YamlSource;
  readonly index: number;
  readonly target: string;
}

function actionDiagnostic(
  context: ActionContext,
  code: Parameters<typeof createDiagnostic>[0],
  extra: Record<string, string> = {},
): Diagnostic {
  const segments = ["actions", context.index, "target"];
  return createDiagnostic(
    code,
    {
      file: context.overlay.file,
      pointer: encodePointer(segments),
      ...context.overlay.locate(segments),
    },
    { file: context.overlay.file, index: context.index, target: context.target, ...extra },
  );
}

function applyAction(
  document: JsonObject,
  context: ActionContext,
  action: JsonObject,
): Diagnostic[] {
  let matches: string[];
  try {
    matches = queryPaths(document as never, context.target);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [actionDiagnostic(context, "overlay-target-syntax", { reason })];
  }
  if (matches.length === 0) {
    return [actionDiagnostic(context, "overlay-target-unmatched")];
  }
  const selected = matches.map(parseNormalizedPath);
  if (action.remove === true) {
    if (selected.some((segments) => segments.length === 0)) {
      return [actionDiagnostic(context, "overlay-remove-root")];
    }
    for (const segments of selected.sort(compareForRemoval)) {
      removeAt(document, segments);
    }
    return [];
  }
  const problems: Diagnostic[] = [];
  for (const segments of selected) {
    const node = getAtPath(document, segments);
    const pointer = encodePointer(segments);
    if (Array.isArray(node)) {
      node.push(structuredClone(action.update));
    } else if (!isJsonObject(node)) {
      problems.push(
        actionDiagnostic(context, "overlay-target-primitive", {
          found: describeJsonKind(node),
          pointer,
        }),
      );
    } else if (!isJsonObject(action.update)) {
      problems.push(
        actionDiagnostic(context, "overlay-update-mismatch", {
          found: describeJsonKind(action.update),
          pointer,
        }),
      );
    } else {
      mergeInto(node, action.update);
    }
  }
  return problems;
}

function checkOverlayShape(overlay: YamlSource): Diagnostic | undefined {
  const { value, file } = overlay;
  let reason: string | undefined;
  if (typeof value.overlay !== "string" || !/^1\.0\.\d+$/.test(value.overlay)) {
    reason = `\`overlay\` must be a 1.0.x version string, found ${JSON.stringify(value.overlay)}`;
  } else if (!Array.isArray(value.actions) || value.actions.length === 0) {
    reason = "`actions` must be a non-empty list";
  }
  return reason === undefined
    ? undefined
    : createDiagnostic("overlay-invalid", { file, ...overlay.locate([]) }, { file, reason });
}

/**
 * Applies overlays in the given order to `document`, which is modified in place. Every action
 * must select at least one node. Returns the problems found; the document is only meaningful when
 * the list is empty.
 */
export function applyOverlays(document: JsonObject, overlays: readonly YamlSource[]): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const overlay of overlays) {
    const shapeProblem = checkOverlayShape(overlay);
    if (shapeProblem !== undefined) {
      problems.push(shapeProblem);
      continue;
    }
    const actions = overlay.value.actions as unknown[];
    actions.forEach((action, index) => {
      const target = isJsonObject(action) ? action.target : undefined;
      const context = { overlay, index, target: String(target) };
      if (!isJsonObject(action) || typeof target !== "string" || !target.startsWith("$")) {
        const reason = "`target` must be a JSONPath string starting with $";
        problems.push(actionDiagnostic(context, "overlay-action-invalid", { reason }));
      } else if (action.remove !== true && action.update === undefined) {
        const reason = "it has neither `update` nor `remove: true`";
        problems.push(actionDiagnostic(context, "overlay-action-invalid", { reason }));
      } else {
        problems.push(...applyAction(document, context, action));
      }
    });
  }
  return problems;
}
