import { ApiProperty, ApiPropertyOptional, OmitType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { OpsPageQuery } from './ops-page.query';

/** GET /api/machine: with `machine_name`, that machine (start and count are not read). */
export class OpsMachineQuery extends PickType(OpsPageQuery, ['start', 'count'] as const) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 255)
  machine_name?: string;
}

/** POST /api/machine: `action` decides the shape of `data`, checked by the classes below. */
export class OpsMachineActionBody {
  @ApiProperty({ enum: ['add', 'update'] })
  @IsIn(['add', 'update'])
  action: 'add' | 'update';

  @ApiProperty({ description: 'One machine. A JSON string in form posts.' })
  @IsDefined()
  data: unknown;
}

/**
 * A machine's fields as ops sends them. The seed's example spells usage `userage`, its argument
 * list `usage`: both are read. Addresses are checked by the inventory, which names the field.
 */
export class OpsMachineFields {
  @IsString()
  @Length(1, 255)
  machine_name: string;

  @IsOptional()
  @IsString()
  @MaxLength(45)
  inside_ip?: string;

  /** `""`: the machine has no public address. */
  @IsOptional()
  @IsString()
  @MaxLength(45)
  outside_ip?: string;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  userage?: string;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  usage?: string;

  /** 0 or 1; JSON strings from forms may carry it as text. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @IsIn([0, 1])
  is_initialized?: number;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  location?: string;
}

/** A new machine needs its name and its private address; the rest may follow by update. */
export class OpsNewMachine extends OmitType(OpsMachineFields, ['inside_ip'] as const) {
  @IsString()
  @MaxLength(45)
  inside_ip: string;
}

export class OpsAddMachine {
  @IsIn(['add'])
  action: 'add';

  @IsObject()
  @ValidateNested()
  @Type(() => OpsNewMachine)
  data: OpsNewMachine;
}

/** The machine is matched by `machine_name`; absent fields stay as they are. */
export class OpsUpdateMachine {
  @IsIn(['update'])
  action: 'update';

  @IsObject()
  @ValidateNested()
  @Type(() => OpsMachineFields)
  data: OpsMachineFields;
}

/** DELETE /api/machine: `machine_name` in the query string or, as form clients send it, in the body. */
export class OpsDeleteMachineArgs {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 255)
  machine_name?: string;
}
