/**
 * Maps wire names (operation and parameter names as the API spells them) to TypeScript identifiers
 * and file names. Wire names never change; only the identifiers derived from them are adjusted to
 * be valid, readable and collision-free.
 */

/**
 * Words that cannot name a variable, function or class in strict-mode ES modules, plus the global
 * values that generated code must not shadow.
 */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  "arguments",
  "await",
  "break",
  "case",
  "catch",
  "class",
  "const",
  "continue",
  "debugger",
  "default",
  "delete",
  "do",
  "else",
  "enum",
  "eval",
  "export",
  "extends",
  "false",
  "finally",
  "for",
  "function",
  "if",
  "implements",
  "import",
  "in",
  "instanceof",
  "interface",
  "let",
  "new",
  "null",
  "package",
  "private",
  "protected",
  "public",
  "return",
  "static",
  "super",
  "switch",
  "this",
  "throw",
  "true",
  "try",
  "typeof",
  "var",
  "void",
  "while",
  "with",
  "yield",
  "Infinity",
  "NaN",
  "undefined",
]);

/**
 * Keys that every object inherits. As generated names they would read or replace prototype
 * members instead of own properties.
 */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set([
  "__proto__",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
  "constructor",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "toString",
  "valueOf",
]);

/**
 * Splits a wire name into words: at separators, at lower-to-upper transitions, before the last
 * capital of an acronym (`DBInstance` → `DB`, `Instance`); digits stay with the word before
 * them (`V2`, `Ec2`). Characters
 * outside ASCII become one word of their hexadecimal code points, which keeps distinct names
 * distinct while the result stays ASCII.
 */
export function splitWords(wireName: string): string[] {
  const words: string[] = [];
  const pattern = /[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+|[^\p{ASCII}]+/gu;
  for (const [word] of wireName.matchAll(pattern)) {
    if (/^[^\p{ASCII}]/u.test(word)) {
      const codes = [...word].map((char) => char.codePointAt(0)?.toString(16) ?? "");
      words.push(`U${codes.join("")}`);
    } else {
      words.push(word);
    }
  }
  return words;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Makes any candidate a valid identifier: never empty, never starting with a digit. */
function validIdentifier(candidate: string): string {
  if (candidate === "") {
    return "_";
  }
  return /^[0-9]/.test(candidate) ? `_${candidate}` : candidate;
}

/** `AddCrossAccount` → `AddCrossAccount`, `list_db-instances` → `ListDbInstances`. */
export function pascalCase(wireName: string): string {
  return validIdentifier(splitWords(wireName).map(capitalize).join(""));
}

/** `AddCrossAccount` → `addCrossAccount`, `DBInstance` → `dbInstance`. */
export function camelCase(wireName: string): string {
  const [first = "", ...rest] = splitWords(wireName);
  return validIdentifier(first.toLowerCase() + rest.map(capitalize).join(""));
}

/** `AddCrossAccount` → `add-cross-account`; used for file names. */
export function kebabCase(wireName: string): string {
  const name = splitWords(wireName)
    .map((word) => word.toLowerCase())
    .join("-");
  return name === "" ? "_" : name;
}

/**
 * Hands out unique names within one scope (a module's top level, a class's members, a directory).
 * A name that is reserved or already taken gets `_` appended, then `_2`, `_3`, … . Callers claim
 * names in a fixed order (operations sorted by name), so the result is deterministic.
 */
export class NameScope {
  private readonly taken = new Set<string>();
  private readonly reserved: ReadonlySet<string>;

  /**
   * @param options.caseInsensitive - Treat names that differ only by case as equal; needed for
   *   file names, which collide on case-insensitive file systems.
   * @param options.reserved - Extra names the scope must never hand out, such as members of a
   *   base class.
   * @param options.keywordsAllowed - Hand out reserved words and prototype keys too; right for
   *   file names, which are no identifiers.
   */
  constructor(
    private readonly options: {
      caseInsensitive?: boolean;
      reserved?: Iterable<string>;
      keywordsAllowed?: boolean;
    } = {},
  ) {
    const keywords = options.keywordsAllowed === true ? [] : [...RESERVED_WORDS, ...PROTOTYPE_KEYS];
    this.reserved = new Set([...keywords, ...(options.reserved ?? [])]);
    for (const name of this.reserved) {
      this.taken.add(this.key(name));
    }
  }

  private key(name: string): string {
    return this.options.caseInsensitive === true ? name.toLowerCase() : name;
  }

  /** Returns `candidate`, or the first free variant of it, and marks the result as taken. */
  claim(candidate: string): string {
    let name = candidate;
    if (this.taken.has(this.key(name))) {
      name = `${candidate}_`;
      for (let suffix = 2; this.taken.has(this.key(name)); suffix += 1) {
        name = `${candidate}_${suffix}`;
      }
    }
    this.taken.add(this.key(name));
    return name;
  }
}

const IDENTIFIER_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Returns the key under which a wire name appears in an interface or type literal: bare when it is an
 * identifier name (reserved words are allowed there), quoted otherwise.
 */
export function propertyKey(wireName: string): string {
  return IDENTIFIER_NAME.test(wireName) ? wireName : JSON.stringify(wireName);
}

/**
 * Returns the key under which a wire name appears in an object literal. `__proto__` is written as a
 * computed key, because a plain or quoted `__proto__:` in a literal sets the prototype instead of
 * creating a property.
 */
export function objectLiteralKey(wireName: string): string {
  return wireName === "__proto__" ? '["__proto__"]' : propertyKey(wireName);
}

/** Writes a property read of `wireName` on `target`: `target.Alias` or `target["x-acs-id"]`. */
export function propertyAccess(target: string, wireName: string): string {
  return IDENTIFIER_NAME.test(wireName)
    ? `${target}.${wireName}`
    : `${target}[${JSON.stringify(wireName)}]`;
}

/** The identifiers derived from one operation name, the same in every generated package. */
export interface OperationNames {
  /** PascalCase base of type names: `AddCrossAccount` → `AddCrossAccountRequest`. */
  readonly typeName: string;
  /** camelCase name of the operation function and client method: `addCrossAccount`. */
  readonly functionName: string;
  /** kebab-case file stem, unique without regard to case: `add-cross-account`. */
  readonly fileName: string;
  /** Request type in the types package: `AddCrossAccountRequest`. */
  readonly requestType: string;
  /** Response body type in the types package: `AddCrossAccountResponse`. */
  readonly responseType: string;
  /** Request validator in the validators package: `validateAddCrossAccountRequest`. */
  readonly requestValidator: string;
  /** Response validator in the validators package: `validateAddCrossAccountResponse`. */
  readonly responseValidator: string;
}

/**
 * Names every operation. Names are claimed in the order given (the model sorts operations by
 * name), so each package derives the same names. `reservedFunctionNames` keeps function names
 * clear of members that a generated client class inherits.
 */
export function nameOperations(
  operations: readonly { readonly name: string }[],
  reservedFunctionNames: Iterable<string> = [],
): ReadonlyMap<string, OperationNames> {
  const types = new NameScope();
  const functions = new NameScope({ reserved: reservedFunctionNames });
  const files = new NameScope({ caseInsensitive: true, keywordsAllowed: true });
  const names = new Map<string, OperationNames>();
  for (const operation of operations) {
    // Suffixes keep the derived names apart: none of them can equal another's.
    const typeName = types.claim(pascalCase(operation.name));
    names.set(operation.name, {
      typeName,
      functionName: functions.claim(camelCase(operation.name)),
      fileName: files.claim(kebabCase(operation.name)),
      requestType: `${typeName}Request`,
      responseType: `${typeName}Response`,
      requestValidator: `validate${typeName}Request`,
      responseValidator: `validate${typeName}Response`,
    });
  }
  return names;
}
