import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';

/** An optional REST field that is a string of at most `max` characters, or null to clear it. */
export function NullableString(max: number, description?: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, maxLength: max, description }),
    IsOptional(),
    ValidateIf((_: unknown, v: unknown) => v !== null),
    IsString(),
    MaxLength(max),
  );
}
