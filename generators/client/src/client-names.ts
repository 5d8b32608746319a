/**
 * Module-level names of a client package. Operation functions, their descriptors, the service
 * constant and the client class share one export namespace, so they are named together.
 */
import {
  camelCase,
  NameScope,
  nameOperations,
  type OperationNames,
  type ProductPackages,
  pascalCase,
  productPackages,
  type SpecModel,
} from "@acs-sdk/spec-loader";

/**
 * Members a generated client inherits from `AcsClient`; operation methods must not replace them.
 * A `toJSON` method would also be called by `JSON.stringify`, which would send a request.
 */
export const ACS_CLIENT_MEMBERS = ["config", "destroy", "send", "service", "toJSON"] as const;

/** Names of one operation in the client package. */
export interface ClientOperationNames extends OperationNames {
  /** The exported `OperationDescriptor` constant: `addCrossAccountOperation`. */
  readonly descriptor: string;
}

/** Every name the client generator writes for one product. */
export interface ClientNames {
  /** The `ServiceDescriptor` constant: `hbrService`. */
  readonly service: string;
  /** The client class: `HbrClient`. */
  readonly clientClass: string;
  /** The function that creates a client without operation methods: `createHbrClient`. */
  readonly factory: string;
  /** File stem of the client class: `hbr-client`. */
  readonly clientFile: string;
  readonly typesPackage: string;
  readonly validatorsPackage: string;
  readonly operations: ReadonlyMap<string, ClientOperationNames>;
}

/** Names the exports of a product's client package. */
export function nameClientExports(
  model: SpecModel,
  packages: ProductPackages = productPackages(model.service.product),
): ClientNames {
  const service = `${camelCase(packages.base)}Service`;
  const clientClass = `${pascalCase(packages.base)}Client`;
  const factory = `create${clientClass}`;
  const operationNames = nameOperations(model.operations, [
    ...ACS_CLIENT_MEMBERS,
    service,
    factory,
  ]);
  const scope = new NameScope({
    reserved: [
      service,
      clientClass,
      factory,
      ...[...operationNames.values()].map((n) => n.functionName),
    ],
  });
  const operations = new Map<string, ClientOperationNames>();
  for (const [name, names] of operationNames) {
    // `delete_` escapes a keyword; `deleteOperation` needs no escape.
    const base = names.functionName.replace(/_$/, "");
    operations.set(name, { ...names, descriptor: scope.claim(`${base}Operation`) });
  }
  return {
    service,
    clientClass,
    factory,
    clientFile: packages.client.dir,
    typesPackage: packages.types.name,
    validatorsPackage: packages.validators.name,
    operations,
  };
}
