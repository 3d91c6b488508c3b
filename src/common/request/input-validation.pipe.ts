import { ArgumentMetadata, Injectable, ValidationPipe } from '@nestjs/common';

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
    return super.transform(value, metadata);
  }
}
