import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { JsonValue } from '../../../common/graphql/json.scalar';
import { Paginated } from '../../../common/pagination/paginated';
import { CiAttribute } from '../entities/ci-attribute.entity';
import { Ci } from '../entities/ci.entity';

@ObjectType({ description: 'An attribute as a CI type carries it' })
export class CiTypeAttributeItem {
  @Field(() => CiAttribute)
  attribute: CiAttribute;

  @Field()
  isRequired: boolean;

  @Field()
  defaultShow: boolean;

  @Field(() => Int)
  position: number;
}

@ObjectType({ description: "One attribute of a CI's type with the CI's value" })
export class CiValue {
  @Field(() => CiAttribute)
  attribute: CiAttribute;

  @Field(() => JsonValue, {
    nullable: true,
    description:
      'Typed: numbers as numbers, dates as YYYY-MM-DD[ HH:MM:SS], a list for a multi-value attribute; null when unset',
  })
  value: unknown;

  @Field(() => [JsonValue], { description: 'The value(s) as a list; empty when unset' })
  values: unknown[];
}

@ObjectType()
export class CiAttributePage extends Paginated(CiAttribute) {}

@ObjectType()
export class CiPage extends Paginated(Ci) {}

@ObjectType({ description: 'One attribute value added (0), deleted (1) or changed (2)' })
export class CiAttributeChange {
  @Field(() => Int)
  id: number;

  @Field(() => Int)
  recordId: number;

  @Field(() => Int)
  ciId: number;

  @Field(() => Int, { nullable: true, description: "Null for the CI's own deletion" })
  attributeId: number | null;

  @Field(() => String, { nullable: true })
  attributeName: string | null;

  @Field(() => String, { nullable: true })
  attributeAlias: string | null;

  @Field()
  operateType: string;

  @Field(() => String, { nullable: true })
  old: string | null;

  @Field(() => String, { nullable: true })
  new: string | null;

  @Field(() => String, { nullable: true })
  operatorName: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}

@ObjectType({ description: 'One CI relation added (0) or deleted (1)' })
export class CiRelationChange {
  @Field(() => Int)
  relationId: number;

  @Field(() => Int)
  firstCiId: number;

  @Field(() => Int)
  secondCiId: number;

  @Field(() => String, { nullable: true })
  relationType: string | null;

  @Field()
  operateType: string;
}

@ObjectType('CiHistoryRecord', { description: 'One request that changed CIs' })
export class CiHistoryRecordObject {
  @Field(() => Int)
  id: number;

  @Field(() => String, { nullable: true })
  operatorName: string | null;

  @Field(() => String, { nullable: true })
  origin: string | null;

  @Field(() => String, { nullable: true })
  ticketId: string | null;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => [String], { description: 'Aliases of the attributes it changed' })
  attributes: string[];

  @Field(() => Int)
  relationsAdded: number;

  @Field(() => Int)
  relationsDeleted: number;

  @Field(() => [CiAttributeChange], { nullable: true, description: 'Every line (historyRecord only)' })
  attributeChanges?: CiAttributeChange[];

  @Field(() => [CiRelationChange], { nullable: true, description: 'Every relation line (historyRecord only)' })
  relationChanges?: CiRelationChange[];
}

@ObjectType()
export class CiHistoryRecordPage extends Paginated(CiHistoryRecordObject) {}

@ObjectType()
export class CiFacetValue {
  @Field(() => JsonValue, { description: 'Typed like CI values' })
  value: unknown;

  @Field(() => Int, { description: 'Matching CIs holding it' })
  count: number;
}

@ObjectType({ description: "An attribute's values over the whole match" })
export class CiFacet {
  @Field(() => CiAttribute)
  attribute: CiAttribute;

  @Field(() => [CiFacetValue])
  values: CiFacetValue[];
}

@ObjectType()
export class CiSearchResult {
  @Field(() => Int, { description: 'Matching CIs' })
  numfound: number;

  @Field(() => Int)
  page: number;

  @Field(() => Int, { description: 'CIs in this page' })
  total: number;

  @Field(() => [Ci])
  cis: Ci[];

  @Field(() => [CiFacet])
  facets: CiFacet[];

  @Field(() => JsonValue, { description: 'CIs of each type in this page, by type name' })
  counter: Record<string, number>;
}
