import { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';

export interface Page<T> {
  items: T[];
  /** A count, or a getter that counts: GraphQL reads it only when the query selects `total`. */
  total: number | Promise<number>;
  offset: number;
  limit: number;
}

/** GraphQL page type for T: `{ items, total, offset, limit }`. */
export function Paginated<T>(item: Type<T>): Type<Page<T>> {
  @ObjectType({ isAbstract: true })
  abstract class PageType implements Page<T> {
    @Field(() => [item])
    items: T[];

    @Field(() => Int)
    total: number | Promise<number>;

    @Field(() => Int)
    offset: number;

    @Field(() => Int)
    limit: number;
  }
  return PageType as Type<Page<T>>;
}
