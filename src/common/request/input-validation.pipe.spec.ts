import { BadRequestException } from '@nestjs/common';
import { IsString } from 'class-validator';
import { InputValidationPipe } from './input-validation.pipe';

class Input {
  @IsString()
  name: string;
}

describe('InputValidationPipe', () => {
  const pipe = new InputValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true });
  const metadata = { type: 'body' as const, metatype: Input };

  it('validates plain input as the ValidationPipe does', async () => {
    await expect(pipe.transform({ name: 7 }, metadata)).rejects.toBeInstanceOf(BadRequestException);
    await expect(pipe.transform({ name: 'a', extra: 1 }, metadata)).rejects.toThrow(BadRequestException);
    await expect(pipe.transform({ name: 'a' }, metadata)).resolves.toBeInstanceOf(Input);
  });

  it('passes objects the service built, untouched', async () => {
    const built = Object.assign(new Input(), { name: 'a', internal: 'kept' });
    await expect(pipe.transform(built, metadata)).resolves.toBe(built);
  });
});
