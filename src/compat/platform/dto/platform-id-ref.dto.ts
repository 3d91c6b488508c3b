import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

/** `{"id": 1}`: how the platform names a user or role in a list body. */
export class PlatformIdRef {
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(2147483647)
  id: number;
}
