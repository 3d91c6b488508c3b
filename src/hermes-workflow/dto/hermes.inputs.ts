import { ArgsType, Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { NullableStringField } from '../../common/graphql/nullable-string-field';
import { PageArgs } from '../../common/pagination/page.args';
import { Paginated } from '../../common/pagination/paginated';
import { HermesEventType } from '../entities/hermes-event-type.entity';
import { HermesEvent } from '../entities/hermes-event.entity';
import { HermesFate } from '../entities/hermes-fate.entity';
import { HermesLabor } from '../entities/hermes-labor.entity';
import { HermesQuest } from '../entities/hermes-quest.entity';

@ObjectType()
export class HermesEventTypePage extends Paginated(HermesEventType) {}
@ObjectType()
export class HermesFatePage extends Paginated(HermesFate) {}
@ObjectType()
export class HermesEventPage extends Paginated(HermesEvent) {}
@ObjectType()
export class HermesLaborPage extends Paginated(HermesLabor) {}
@ObjectType()
export class HermesQuestPage extends Paginated(HermesQuest) {}

@ObjectType('HermesQuestProgress', { description: 'The original progressInfo fields and formulas' })
export class HermesQuestProgressType {
  @Field(() => Int, { description: 'Chains: labors without startingLaborId' })
  totalLabors: number;
  @Field(() => Int, { description: 'Chains whose first labor is still open' })
  unstartedLabors: number;
  @Field(() => Int, { description: 'Open labors past the first step of their chain' })
  inprogressLabors: number;
  @Field(() => Int)
  completedLabors: number;
  @Field({ description: 'Closed labors over all labors, times 100, 2 decimals' })
  percentComplete: number;
}

@ArgsType()
export class HermesEventTypesArgs extends PageArgs {
  @NullableStringField(64)
  category?: string;
  @NullableStringField(32)
  state?: string;
  @Field({ nullable: true, description: 'Only creation types of starting fates' })
  @IsOptional()
  @IsBoolean()
  startingTypes?: boolean;
}

@ArgsType()
export class HermesEventsArgs extends PageArgs {
  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @IsInt({ each: true })
  eventTypeIds?: number[];
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  hostId?: number;
  @NullableStringField(255)
  hostname?: string;
  @NullableStringField(1024, 'CMDB search expression over hosts, e.g. hostname:web-*')
  hostQuery?: string;
  @NullableStringField(32, 'Inclusive; YYYY-MM-DD HH:MM:SS[.ffffff], naive UTC')
  after?: string;
  @NullableStringField(32, 'Exclusive')
  before?: string;
}

@ArgsType()
export class HermesLaborsArgs extends PageArgs {
  @NullableStringField(255)
  hostname?: string;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  startingLaborId?: number;
  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  open?: boolean;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  questId?: number;
  @NullableStringField(64)
  category?: string;
  @NullableStringField(32)
  state?: string;
}

@ArgsType()
export class HermesQuestsArgs extends PageArgs {
  @Field({ nullable: true, description: 'Only quests not completed' })
  @IsOptional()
  @IsBoolean()
  openOnly?: boolean;
  @NullableStringField(255)
  byCreator?: string;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsString({ each: true })
  hostnames?: string[];
}

@InputType()
export class CreateHermesEventTypeInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  category: string;
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  state: string;
  @Field()
  @IsString()
  @MaxLength(1024)
  description: string;
  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  restricted?: boolean;
}

@InputType()
export class CreateHermesFateInput {
  @Field(() => Int)
  @IsInt()
  creationEventTypeId: number;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  followsId?: number | null;
  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  forCreator?: boolean;
  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  forOwner?: boolean;
  @Field()
  @IsString()
  @MaxLength(2048)
  description: string;
}

@InputType()
export class UpdateHermesFateInput {
  @NullableStringField(2048)
  description?: string | null;
  @Field(() => Int, { nullable: true, description: 'null makes it a starting fate; omit to keep' })
  @IsOptional()
  @IsInt()
  followsId?: number | null;
}

@InputType()
export class ThrowHermesEventInput {
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10000)
  @IsString({ each: true })
  hostnames?: string[];
  @NullableStringField(1024, 'CMDB search expression over hosts')
  hostQuery?: string;
  @Field(() => Int, { nullable: true, description: 'Every host of this quest’s labors' })
  @IsOptional()
  @IsInt()
  questId?: number;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  eventTypeId?: number;
  @NullableStringField(64)
  category?: string;
  @NullableStringField(32)
  state?: string;
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  user: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  note?: string | null;
}

@InputType()
export class UpdateHermesLaborInput {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  questId?: number;
  @NullableStringField(200)
  ackUser?: string;
}

@InputType()
export class CreateHermesQuestInput {
  @Field(() => Int)
  @IsInt()
  fateId: number;
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  creator: string;
  @Field()
  @IsString()
  @MinLength(1)
  description: string;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100000)
  @IsString({ each: true })
  hostnames?: string[];
  @NullableStringField(1024, 'CMDB search expression over hosts')
  hostQuery?: string;
  @NullableStringField(32, 'In the future; YYYY-MM-DD HH:MM:SS[.ffffff], naive UTC')
  targetTime?: string;
}

@InputType()
export class UpdateHermesQuestInput {
  @NullableStringField(4096)
  description?: string;
  @NullableStringField(200)
  creator?: string;
  @NullableStringField(32)
  targetTime?: string;
}

@InputType()
export class MailHermesQuestInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  serverOwners?: boolean;
  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  laborOwners?: boolean;
  @Field()
  @IsString()
  @MaxLength(255)
  from: string;
  @Field()
  @IsString()
  @MaxLength(255)
  subject: string;
  @Field()
  @IsString()
  message: string;
}
