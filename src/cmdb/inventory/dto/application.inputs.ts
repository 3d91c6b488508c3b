import { NullableStringField } from '../../../common/graphql/nullable-string-field';
import { ArgsType, Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageArgs } from '../../../common/pagination/page.args';
import { Paginated } from '../../../common/pagination/paginated';
import { InstanceStatus } from '../entities/application-instance.entity';
import { Application } from '../entities/application.entity';
import { Production } from '../entities/production.entity';
import { ResponsePersonType } from '../entities/response-person.entity';

@InputType()
export class ApplicationInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  name?: string;

  @Field(() => Int, { nullable: true, description: 'null moves the application to the root' })
  @IsOptional()
  @IsInt()
  parentId?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  productionId?: number | null;

  @NullableStringField(64)
  applicationType?: string | null;

  @NullableStringField(64)
  runUser?: string | null;

  @NullableStringField(1024)
  directory?: string | null;

  @NullableStringField(4096)
  startupCommand?: string | null;

  @NullableStringField(4096)
  stopCommand?: string | null;

  @NullableStringField(1024)
  stdoutPath?: string | null;

  @NullableStringField(1024)
  stderrPath?: string | null;

  @NullableStringField(1024)
  pidPath?: string | null;
}

@InputType()
export class InstanceInputType {
  @Field(() => Int)
  @IsInt()
  hostId: number;

  @Field(() => InstanceStatus, { nullable: true })
  @IsOptional()
  @IsEnum(InstanceStatus)
  status?: InstanceStatus;

  @NullableStringField(128)
  version?: string | null;
}

@InputType()
export class PersonInputType {
  @Field(() => Int)
  @IsInt()
  userId: number;

  @Field(() => ResponsePersonType)
  @IsEnum(ResponsePersonType)
  type: ResponsePersonType;
}

@ArgsType()
export class ApplicationsArgs extends PageArgs {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  name?: string;

  @Field({ nullable: true, description: 'A full name: that application and everything below it' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  fullName?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  hasParent?: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  parentId?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  productionId?: number;
}

@ObjectType()
export class ApplicationPage extends Paginated(Application) {}

@ObjectType()
export class ProductionPage extends Paginated(Production) {}
