import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  Max,
  Min,
} from 'class-validator';
import { NullableStringField } from '../../../common/graphql/nullable-string-field';
import { JsonValue } from '../../../common/graphql/json.scalar';
import { MAX_PAGE_SIZE, PageArgs } from '../../../common/pagination/page.args';
import { MAX_BATCH } from '../cis.service';

@InputType()
export class CiAttributeInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  name?: string;

  @NullableStringField(64, 'Defaults to the name')
  alias?: string | null;

  @Field({ nullable: true, description: 'A code 0-6 or int, float, text, datetime, date, time, json' })
  @IsOptional()
  @IsString()
  valueType?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  isList?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  isUnique?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  isIndex?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  isLink?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  isPassword?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  isSortable?: boolean;

  @Field(() => [JsonValue], { nullable: true, description: 'Allowed values; empty allows any. Left out: unchanged' })
  @IsOptional()
  @IsArray()
  choiceValues?: unknown[];
}

@InputType()
export class CiTypeInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  name?: string;

  @NullableStringField(64, 'Defaults to the name')
  alias?: string | null;

  @Field({ nullable: true, description: 'The key attribute, by name, id or alias' })
  @IsOptional()
  @IsString()
  uniqueKey?: string;

  @NullableStringField(255)
  iconUrl?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  isAttached?: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  position?: number;
}

@ArgsType()
export class CiAttributesArgs extends PageArgs {
  @Field({ nullable: true, description: 'Part of the name or alias' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  search?: string;
}

@ArgsType()
export class CisArgs extends PageArgs {
  @Field({ description: 'The CI type by name, id or alias' })
  @IsString()
  type: string;
}

@ArgsType()
export class CreateCisArgs {
  @Field({ description: 'The CI type by name, id or alias' })
  @IsString()
  type: string;

  @Field(() => [JsonValue], { description: 'Each CI as {attribute: value}, keyed by name, id or alias' })
  @IsArray()
  @ArrayMaxSize(MAX_BATCH)
  @IsObject({ each: true })
  cis: Record<string, unknown>[];

  @Field({ nullable: true, defaultValue: 'reject', description: 'reject, need or replace an existing key value' })
  @IsIn(['reject', 'need', 'replace'])
  existPolicy: 'reject' | 'need' | 'replace' = 'reject';

  @Field({
    nullable: true,
    defaultValue: 'ignore',
    description: 'ignore or reject keys that are no attribute of the type',
  })
  @IsIn(['ignore', 'reject'])
  noAttributePolicy: 'ignore' | 'reject' = 'ignore';
}

@ArgsType()
export class HistoryRecordsArgs extends PageArgs {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  username?: string;

  @Field({ nullable: true, description: 'Records made at or after this time' })
  @IsOptional()
  start?: Date;

  @Field({ nullable: true, description: 'Records made at or before this time' })
  @IsOptional()
  end?: Date;
}

@ArgsType()
export class CiIdArgs {
  @Field(() => Int)
  @IsInt()
  @Min(1)
  ciId: number;
}

@ArgsType()
export class CiSearchArgs {
  @Field({ defaultValue: '', description: 'The expression; empty finds nothing (with `type`: every CI of it)' })
  @IsString()
  @MaxLength(4096)
  q: string = '';

  @Field({ nullable: true, description: 'Only CIs of this type (name, id or alias)' })
  @IsOptional()
  @IsString()
  type?: string;

  @Field(() => [String], { nullable: true, description: 'The attributes `values` shows' })
  @IsOptional()
  @IsString({ each: true })
  fields?: string[];

  @Field(() => [String], { nullable: true, description: 'Attributes to count values of over the whole match' })
  @IsOptional()
  @IsString({ each: true })
  facet?: string[];

  @Field(() => Int, { defaultValue: 1 })
  @IsInt()
  @Min(1)
  page: number = 1;

  @Field(() => Int, { defaultValue: 50, description: `At most ${MAX_PAGE_SIZE}` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  count: number = 50;

  @Field({ nullable: true, description: '`attr` or `+attr` ascending, `-attr` descending; CI id by default' })
  @IsOptional()
  @IsString()
  sort?: string;
}
