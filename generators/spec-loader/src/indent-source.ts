/**
 * Re-indents generated TypeScript by bracket nesting. Generators write statements as text, whose
 * inner lines carry no indentation. TypeScript's formatter fixes that too, but it reparses and
 * edits every file, which was about a quarter of the CPU time of generating the largest products.
 * On generated code the two agree: tests check that the formatter changes no generated file.
 *
 * The rule: a line is indented one level deeper than the line that opened the innermost bracket
 * still open, and a line that starts with a closing bracket sits at the level of the line that
 * opened it. Brackets inside strings, comments and template text do not count. Lines of a block
 * comment keep their offset from the comment's first line. Lines inside a template literal stay
 * as they are, because their spaces are part of the string.
 */

const OPENERS = new Set(["{", "(", "["]);
const CLOSERS = new Set(["}", ")", "]"]);

type Mode = "code" | "block-comment" | "template";

/** The lexical state carried from one line to the next. */
class Scanner {
  mode: Mode = "code";
  /** Index of the line that opened each bracket still open, innermost last. */
  readonly openedOn: number[] = [];
  /** Bracket depths at which a template literal's `${` was opened. */
  readonly #templateHoles: number[] = [];

  /** Reads one line, updating the open brackets and the mode. */
  scan(line: string, lineIndex: number): void {
    for (let at = 0; at < line.length; at += 1) {
      const char = line[at] as string;
      if (this.mode === "block-comment") {
        if (char === "*" && line[at + 1] === "/") {
          this.mode = "code";
          at += 1;
        }
      } else if (this.mode === "template") {
        at = this.#scanTemplate(line, at, lineIndex);
      } else if (char === "/" && line[at + 1] === "/") {
        return;
      } else if (char === "/" && line[at + 1] === "*") {
        this.mode = "block-comment";
        at += 1;
      } else if (char === '"' || char === "'") {
        at = skipString(line, at);
      } else if (char === "`") {
        this.mode = "template";
      } else if (OPENERS.has(char)) {
        this.openedOn.push(lineIndex);
      } else if (CLOSERS.has(char)) {
        this.openedOn.pop();
        if (char === "}" && this.#templateHoles.at(-1) === this.openedOn.length) {
          this.#templateHoles.pop();
          this.mode = "template";
        }
      }
    }
  }

  #scanTemplate(line: string, at: number, lineIndex: number): number {
    const char = line[at];
    if (char === "\\") {
      return at + 1;
    }
    if (char === "`") {
      this.mode = "code";
    } else if (char === "$" && line[at + 1] === "{") {
      this.#templateHoles.push(this.openedOn.length);
      this.openedOn.push(lineIndex);
      this.mode = "code";
      return at + 1;
    }
    return at;
  }
}

/** Returns the index of the quote that closes the string starting at `start`. */
function skipString(line: string, start: number): number {
  const quote = line[start];
  let at = start + 1;
  while (at < line.length && line[at] !== quote) {
    at += line[at] === "\\" ? 2 : 1;
  }
  return at;
}

/** Re-indents `text` with `unit` per nesting level; see the module comment for the rule. */
export function indentSource(text: string, unit = "  "): string {
  const lines = text.split("\n");
  const levels: number[] = [];
  const scanner = new Scanner();
  let commentShift = 0;
  for (const [index, line] of lines.entries()) {
    const trimmed = line.trimStart();
    const level = levelOf(scanner, levels, trimmed);
    levels.push(level);
    if (scanner.mode === "code") {
      const indent = trimmed === "" ? "" : unit.repeat(level);
      commentShift = indent.length - (line.length - trimmed.length);
      lines[index] = indent + trimmed;
    } else if (scanner.mode === "block-comment" && trimmed !== "") {
      const width = Math.max(0, line.length - trimmed.length + commentShift);
      lines[index] = " ".repeat(width) + trimmed;
    }
    scanner.scan(line, index);
  }
  return lines.join("\n");
}

function levelOf(scanner: Scanner, levels: readonly number[], trimmed: string): number {
  const opener = scanner.openedOn.at(-1);
  if (opener === undefined) {
    return 0;
  }
  const openerLevel = levels[opener] ?? 0;
  return CLOSERS.has(trimmed[0] ?? "") ? openerLevel : openerLevel + 1;
}
