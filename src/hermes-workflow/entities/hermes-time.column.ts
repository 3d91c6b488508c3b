import { Column, ColumnOptions } from 'typeorm';

/**
 * A Hermes timestamp: naive UTC text `YYYY-MM-DD HH:MM:SS.ffffff`, always six fraction digits so
 * text order is time order on both dialects and microseconds survive (clients echo them back).
 */
export function HermesTimeColumn(options: Omit<ColumnOptions, 'type' | 'length'> = {}): PropertyDecorator {
  return Column({ type: 'varchar', length: 26, ...options });
}
