/**
 * A js-yaml schema that resolves plain scalars exactly as the `yaml` package's YAML 1.2 core
 * schema does with `intAsBigInt`. js-yaml's own schemas differ from it (underscores and `0b` in
 * numbers, timestamps, `<<` merge keys), and the loader must see the same values whichever parser
 * read a file.
 */
import { FAILSAFE_SCHEMA, type Schema, Type } from "js-yaml";

const NULL_PATTERN = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_PATTERN = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_PATTERN = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const SPECIAL_FLOAT_PATTERN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_PATTERN =
  /^[-+]?(?:(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|\.[0-9]+|[0-9]+\.[0-9]*)$/;

const nullType = new Type("tag:yaml.org,2002:null", {
  kind: "scalar",
  resolve: (data: string | null) => data === null || NULL_PATTERN.test(data),
  construct: () => null,
});

const boolType = new Type("tag:yaml.org,2002:bool", {
  kind: "scalar",
  resolve: (data: string | null) => data !== null && BOOL_PATTERN.test(data),
  construct: (data: string) => data[0] === "t" || data[0] === "T",
});

/** Integers become `bigint`, as with `intAsBigInt`, so none loses digits before narrowing. */
const intType = new Type("tag:yaml.org,2002:int", {
  kind: "scalar",
  resolve: (data: string | null) => data !== null && INT_PATTERN.test(data),
  construct: (data: string) => BigInt(data),
});

const floatType = new Type("tag:yaml.org,2002:float", {
  kind: "scalar",
  resolve: (data: string | null) =>
    data !== null && (SPECIAL_FLOAT_PATTERN.test(data) || FLOAT_PATTERN.test(data)),
  construct(data: string) {
    if (SPECIAL_FLOAT_PATTERN.test(data)) {
      if (data.slice(-3).toLowerCase() === "nan") {
        return Number.NaN;
      }
      return data[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    }
    return Number.parseFloat(data);
  },
});

/** The YAML 1.2 core schema of the `yaml` package, with integers as `bigint`. */
export const YAML_CORE_SCHEMA: Schema = FAILSAFE_SCHEMA.extend({
  implicit: [nullType, boolType, intType, floatType],
});
