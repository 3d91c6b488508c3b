import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { InvalidInputError } from '../../common/errors/domain-errors';

/** A numeric id in the path: a positive 32-bit integer, else 400 naming the parameter. */
@Injectable()
export class PlatformIdPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    const n = Number(value);
    if (!/^[0-9]{1,10}$/.test(value) || n < 1 || n > 2147483647) {
      throw new InvalidInputError(metadata.data ?? 'id', 'must be a positive integer');
    }
    return n;
  }
}
