import { Column, ColumnOptions } from 'typeorm';

/**
 * JSON kept as text on both dialects: written and read whole, never queried
 * inside. One place to change if a query ever needs to look into it.
 */
export function JsonColumn(options: Omit<ColumnOptions, 'type'> = {}): PropertyDecorator {
  return Column({ type: 'simple-json', ...options });
}
