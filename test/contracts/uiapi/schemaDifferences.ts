// Compares a GraphQL schema (the local org's) with the independent one written from Salesforce's
// documentation, type by type and field by field, and lists every difference as one line.
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { STANDARD_OBJECTS } from './customObjectTypes.js';

// The independent schema lists only the standard-object fields we read (and RecordQuery/JoinInput
// only the objects it knows), so for these a field the local org has in addition is no difference.
const PARTIAL_TYPES = new Set([
  'RecordQuery',
  'JoinInput',
  ...STANDARD_OBJECTS.flatMap((name) => [name, `${name}_Filter`, `${name}_OrderBy`]),
]);

/** Custom objects' system fields (CreatedBy, IsDeleted, ...) are not all written down; custom fields are. */
const isCustomName = (name: string) => /__[cr]$/.test(name);

type AnyField = GraphQLField<unknown, unknown> | GraphQLInputField;

function fieldsOf(type: GraphQLNamedType): Record<string, AnyField> | undefined {
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) return type.getFields();
  return undefined;
}

function kindOf(type: GraphQLNamedType): string {
  if (isObjectType(type)) return 'type';
  if (isInterfaceType(type)) return 'interface';
  if (isInputObjectType(type)) return 'input';
  if (isEnumType(type)) return 'enum';
  if (isScalarType(type)) return 'scalar';
  return 'union';
}

function compareArgs(name: string, documented: AnyField, local: AnyField): string[] {
  if (!('args' in documented) || !('args' in local)) return [];
  const differences: string[] = [];
  for (const arg of documented.args) {
    const mine = local.args.find((candidate) => candidate.name === arg.name);
    if (!mine) differences.push(`${name}(${arg.name}:) argument missing`);
    else if (String(mine.type) !== String(arg.type))
      differences.push(`${name}(${arg.name}:) is ${String(mine.type)}, documented ${String(arg.type)}`);
  }
  return differences;
}

function compareFields(typeName: string, documented: Record<string, AnyField>, local: Record<string, AnyField>) {
  const differences: string[] = [];
  for (const [name, field] of Object.entries(documented)) {
    const mine = local[name];
    if (!mine) {
      differences.push(`${typeName}.${name} missing`);
      continue;
    }
    if (String(mine.type) !== String(field.type)) {
      differences.push(`${typeName}.${name} is ${String(mine.type)}, documented ${String(field.type)}`);
    }
    differences.push(...compareArgs(`${typeName}.${name}`, field, mine));
  }
  if (!PARTIAL_TYPES.has(typeName)) {
    const customObject = isCustomName(typeName.replace(/(_Filter|_OrderBy)$/, ''));
    for (const name of Object.keys(local)) {
      if (!(name in documented) && (!customObject || isCustomName(name))) {
        differences.push(`${typeName}.${name} is not in the documented schema`);
      }
    }
  }
  return differences;
}

/** Every way `local` differs from `documented`, sorted; empty when they agree. */
export function schemaDifferences(documented: GraphQLSchema, local: GraphQLSchema): string[] {
  const differences: string[] = [];
  for (const type of Object.values(documented.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    const mine = local.getType(type.name);
    // A type the local org lacks shows up where a field refers to it ("X.y is A, documented B");
    // GraphQL schemas hold only reachable types, so unused scalars are no difference.
    if (!mine) continue;
    if (kindOf(mine) !== kindOf(type)) {
      differences.push(`${type.name} is a ${kindOf(mine)}, documented as a ${kindOf(type)}`);
      continue;
    }
    if (isEnumType(type) && isEnumType(mine)) {
      const values = (enumType: typeof type) =>
        enumType
          .getValues()
          .map((value) => value.name)
          .sort()
          .join(',');
      if (values(type) !== values(mine)) {
        differences.push(`enum ${type.name} is {${values(mine)}}, documented {${values(type)}}`);
      }
    }
    const documentedFields = fieldsOf(type);
    const localFields = fieldsOf(mine);
    if (documentedFields && localFields) differences.push(...compareFields(type.name, documentedFields, localFields));
  }
  for (const directive of documented.getDirectives()) {
    if (!local.getDirective(directive.name)) differences.push(`directive @${directive.name} missing`);
  }
  return differences.sort();
}
