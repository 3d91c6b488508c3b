import { ArgsType, Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { IsDate, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageArgs } from '../../common/pagination/page.args';
import { Paginated } from '../../common/pagination/paginated';
import { AuditEntry } from '../entities/audit-entry.entity';

@ArgsType()
export class AuditEntriesArgs extends PageArgs {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  module?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  targetType?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  targetId?: string;

  @Field({ nullable: true, description: 'Operator username' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  operator?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  operation?: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Entries at or after this time' })
  @IsOptional()
  @IsDate()
  since?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Entries before this time' })
  @IsOptional()
  @IsDate()
  until?: Date;
}

@ObjectType()
export class AuditEntryPage extends Paginated(AuditEntry) {}
