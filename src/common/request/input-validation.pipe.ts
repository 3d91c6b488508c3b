import { ArgumentMetadata, Injectable, Type, ValidationPipe } from '@nestjs/common';
import { TypeMetadataStorage } from '@nestjs/graphql';

/**
 * The global ValidationPipe, minus objects the service built itself: a GraphQL
 * field resolver's parent is already an entity instance, and re-validating one
 * per field of every row cost more than resolving the field.
 */
@Injectable()
export class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.metatype && typeof metadata.metatype === 'function' && value instanceof metadata.metatype) {
      return value;
    }
    if (isObject(value) && isArgsType(metadata.metatype)) {
      // A resolver's arguments (a list's filters and paging): clients send an unset variable
      // as null, which means what leaving the argument out means.
      value = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
    }
    return super.transform(value, metadata);
  }
}

const argsTypes = new WeakMap<Type<unknown>, boolean>();

/** Whether the class is a GraphQL @ArgsType (never true of a REST body or query class). */
function isArgsType(metatype: Type<unknown> | undefined): boolean {
  if (typeof metatype !== 'function') return false;
  let known = argsTypes.get(metatype);
  if (known === undefined) {
    known = TypeMetadataStorage.getArgumentsMetadataByTarget(metatype) !== undefined;
    argsTypes.set(metatype, known);
  }
  return known;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
